package org.compact.tracker.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** An SQL text and its parameters, appended in step so that each value lands on its own {@code ?}. */
final class Q {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Q add(String text) {
        sql.append(text);
        return this;
    }

    /** A bound value (a LocalDate, a Long, a String), never pasted into the text. */
    Q p(Object value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** A condition with its bound values, each {@code ?} of its text taking the next value. */
    Q cond(Criteria.Cond condition) {
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
