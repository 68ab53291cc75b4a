package org.crmkit.core.port;

import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.model.CaseId;
import org.crmkit.core.model.ServiceCase;

/** The service cases (complaints and inquiries) customers opened. */
public interface ServiceCases {
    /**
     * Finds a case.
     *
     * @param id the case id; not null
     * @return the case, or empty if unknown
     */
    Optional<ServiceCase> findById(CaseId id);

    /**
     * Visits every case in ascending id order. The action must not call back into this port.
     *
     * @param action called once per case; not null
     */
    void forEach(Consumer<? super ServiceCase> action);

    /**
     * Stores a case, replacing the one with the same id.
     *
     * @param serviceCase the case; not null
     */
    void save(ServiceCase serviceCase);
}
