package org.compact.tracker.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQL statement being written and the values of its {@code ?}, appended in step so that each value lands on its
 * own {@code ?} and no value is ever pasted into the text.
 */
final class BoundSql {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    BoundSql add(String text) {
        sql.append(text);
        return this;
    }

    /** A bound value (a LocalDate, a Long, a String), never pasted into the text. */
    BoundSql p(Object value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** A condition with its bound values, each {@code ?} of its text taking the next value. */
    BoundSql cond(Criteria.Cond condition) {
        String[] parts = condition.sql().split("\\?", -1);
        if (parts.length != condition.params().size() + 1) {
            throw new IllegalArgumentException("A condition needs one value per ?: " + condition);
        }
        sql.append(parts[0]);
        for (int i = 0; i < condition.params().size(); i++) {
            p(condition.params().get(i));
            sql.append(parts[i + 1]);
        }
        return this;
    }

    String sql() {
        return sql.toString();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
