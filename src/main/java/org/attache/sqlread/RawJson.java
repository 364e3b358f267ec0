package org.attache.sqlread;

import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.json.JsonNumber;

/**
 * JSON text that PostgreSQL built (see {@link SqlReads}), handed to SmallRye's response writer as it is. SmallRye keeps
 * a JSON-P value it is given, and JSON-P's writer (Parsson) writes a number by its {@link #toString()}: presenting
 * the text as a number is what lets the writer copy it instead of parsing it into a tree and writing that back out,
 * which was most of the Java CPU of a page of visits and most of its garbage. Nothing else reads the value: it is an
 * operation's whole data, and SqlReadsTest compares every answer it gives with the resolvers' (so a writer that
 * stopped copying numbers verbatim would fail the build).
 */
final class RawJson implements JsonNumber {

    private final String json;

    RawJson(String json) {
        this.json = json;
    }

    @Override
    public String toString() {
        return json;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    @Override
    public boolean isIntegral() {
        throw notANumber();
    }

    @Override
    public int intValue() {
        throw notANumber();
    }

    @Override
    public int intValueExact() {
        throw notANumber();
    }

    @Override
    public long longValue() {
        throw notANumber();
    }

    @Override
    public long longValueExact() {
        throw notANumber();
    }

    @Override
    public BigInteger bigIntegerValue() {
        throw notANumber();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        throw notANumber();
    }

    @Override
    public double doubleValue() {
        throw notANumber();
    }

    @Override
    public BigDecimal bigDecimalValue() {
        throw notANumber();
    }

    private static UnsupportedOperationException notANumber() {
        return new UnsupportedOperationException("JSON text, written as it is; not a number");
    }
}
