package org.attache.persistence;

import static org.attache.persistence.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Pieces of SQL keep their values in the order of their placeholders however they are put together. */
class SqlTest {

    @Test
    void valuesFollowTheirPlaceholdersThroughComposition() {
        Sql condition = Sql.each("(e.host = ? or e.visiting = ?)", "AZE");
        Sql statement = sql("with p as (select * from t where a = ", Sql.value(1), ") select ",
                Sql.join(", ", List.of(Sql.of("?", "x"), Sql.of("b"), Sql.value(null))), " from p where ", condition);
        assertEquals("with p as (select * from t where a = ?) select ?, b, ? from p where (e.host = ? or e.visiting = ?)",
                statement.text());
        assertEquals(Arrays.asList(1, "x", null, "AZE", "AZE"), statement.values());
        assertEquals("with p as (select * from t where a = ?1) select ?2, b, ?3 from p where (e.host = ?4 or e.visiting = ?5)",
                statement.numbered());
    }

    @Test
    void textWithAPlaceholderButNoValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sql.of("a = ?"));
        assertThrows(IllegalArgumentException.class, () -> Sql.of("a = ?", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> sql("a = ", "?"));
        assertThrows(IllegalArgumentException.class, () -> sql("a = ", 1));
    }

    @Test
    void anEmptyJoinIsNothing() {
        assertEquals("", Sql.join(" and ", List.of()).text());
        assertEquals(List.of(), Sql.join(" and ", List.of()).values());
    }
}
