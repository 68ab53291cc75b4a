package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresCopy} on the embedded PostgreSQL, on the driver's own connection and through a
 * HikariCP pool, whose connections wrap the driver's: hostile text comes back exactly as it went in.
 */
class PostgresCopyTest {
    @RegisterExtension
    static final DatabaseExtension DATABASE = DatabaseExtension.postgres();

    /** Text that COPY's formats read specially, and text they do not. */
    static final List<@Nullable String> HOSTILE = Arrays.asList("", " ", "\\", "\\\\", "\\N", "\\.", "\\n", "a\tb",
            "line one\nline two", "windows\r\n", "\r", "\"double\" 'single' `back`", "comma, semicolon; pipe|",
            "trailing backslash\\", "核心客户：张三（VIP）", "emoji 😀 and \u00e9\u0301", "NULL", "null", null,
            "\\x41", "E'\\n'", "tab at end\t", "\n");

    @Test
    void copiesHostileTextExactlyOnTheDriversConnection() throws SQLException {
        assertRoundTrip(DATABASE.postgresDataSource());
    }

    @Test
    void copiesHostileTextExactlyThroughAHikariPool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DATABASE.postgresUrl());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.getClass().getName()).startsWith("com.zaxxer.hikari");
            }
            assertRoundTrip(pool);
        }
    }

    private static void assertRoundTrip(DataSource dataSource) throws SQLException {
        Instant moment = Instant.parse("2026-10-01T02:00:00.123456789Z");
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE copied (n INTEGER, t VARCHAR, d DATE,"
                        + " m_at TIMESTAMP(6) WITH TIME ZONE, m_nanos INTEGER)");
            }
            connection.setAutoCommit(false);
            assertThat(PostgresCopy.available(connection)).isTrue();
            CopyText rows = new CopyText();
            for (int i = 0; i < HOSTILE.size(); i++) {
                rows.number(i).text(HOSTILE.get(i)).day(LocalDate.of(1, 1, 1).plusYears(i * 400L)).moment(moment).endRow();
            }

            assertThat(PostgresCopy.copyIn(connection, "COPY copied (n, t, d, m_at, m_nanos) FROM STDIN", rows))
                    .isEqualTo(HOSTILE.size());
            connection.commit();

            List<@Nullable String> texts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT n, t, d, m_at, m_nanos FROM copied ORDER BY n");
                    ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int i = result.getInt(1);
                    texts.add(result.getString(2));
                    assertThat(result.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(1, 1, 1).plusYears(i * 400L));
                    assertThat(SqlValues.moment(result, "m")).isEqualTo(moment);
                }
            }
            assertThat(texts).isEqualTo(HOSTILE);
            assertThat(PostgresCopy.copyIn(connection, "COPY copied (n) FROM STDIN", new CopyText())).isZero();
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
