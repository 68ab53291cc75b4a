package org.crmkit.core.model;

import org.crmkit.core.internal.Vocabulary;

/** A way of reaching a customer; the vocabulary of the interchange formats. */
public enum Channel {
    /** A visit on site. */
    VISIT,
    /** A video call. */
    VIDEO,
    /** A phone call. */
    PHONE,
    /** Any online channel such as a web portal or chat. */
    ONLINE,
    /** A text message. */
    SMS,
    /** An e-mail. */
    EMAIL,
    /** A WeChat message or call. */
    WECHAT,
    /** An event the customer attends. */
    EVENT;

    /**
     * Parses the file spelling, ignoring case.
     *
     * @param text e.g. {@code "wechat"}; not null
     * @return the channel
     * @throws org.crmkit.core.InvalidValueException naming the allowed values if unknown
     */
    public static Channel parse(String text) {
        return Vocabulary.parse(Channel.class, text, "channel");
    }

    /** @return the file spelling, e.g. {@code "wechat"} */
    public String key() {
        return Vocabulary.key(this);
    }
}
