package org.attache.transport;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;

/**
 * JSON as requests must send it, over HTTP and WebSocket alike: one value, no key twice in an object (a proxy that
 * reads the first "query" and a server that runs the last would disagree about what was asked), no byte order mark
 * (RFC 8259 forbids sending one; SmallRye's parser then refused the body with no code).
 */
final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictJson() {
    }

    /** The decoded value (JsonObject, JsonArray, String, Number, Boolean or null); DecodeException says what is wrong. */
    static Object decode(Buffer json) {
        if (json.length() >= 3 && json.getByte(0) == (byte) 0xEF && json.getByte(1) == (byte) 0xBB
                && json.getByte(2) == (byte) 0xBF) {
            throw new DecodeException("The body starts with a byte order mark (U+FEFF); send UTF-8 JSON without one.");
        }
        try (JsonParser parser = FACTORY.createParser(json.getBytes())) {
            // One pass: Vert.x' own codec builds the JsonObject from the parser, which fails on a repeated key.
            return JacksonCodec.fromParser(parser, Object.class);
        } catch (IOException e) {
            throw new DecodeException("The request body is not valid JSON.");
        } catch (DecodeException e) {
            throw new DecodeException(String.valueOf(e.getMessage()).startsWith("Duplicate field")
                    ? "A key appears twice in the same JSON object; send each key once."
                    : "The request body is not valid JSON.");
        }
    }

    static Object decode(String json) {
        return decode(Buffer.buffer(json));
    }
}
