package org.attache.transport;

import static org.attache.GraphQL.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.attache.Chromium;
import org.attache.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A dashboard served from its own origin, in a real browser: a page on another port of 127.0.0.1 (allowed in tests by
 * ATTACHE_CORS_ORIGINS) queries /graphql over HTTP with a bearer token and opens its WebSocket; the same page served as
 * localhost (an origin not allowed) can do neither.
 */
@QuarkusTest
class CorsBrowserTest {

    private static final String QUERY = """
            async ([url, token]) => {
              try {
                const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json',
                  authorization: 'Bearer ' + token }, body: JSON.stringify({ query: '{ topics { slug } }' }) });
                return (await answer.json()).data.topics.length > 0 ? 'answered' : 'empty';
              } catch (e) {
                return 'blocked';
              }
            }""";
    private static final String SOCKET = """
            ([url, token]) => new Promise(done => {
              const socket = new WebSocket(url, 'graphql-transport-ws');
              socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init',
                payload: { Authorization: 'Bearer ' + token } }));
              socket.onmessage = event => { done(JSON.parse(event.data).type); socket.close(); };
              socket.onerror = () => done('refused');
            })""";

    private static Playwright playwright;
    private static Browser browser;
    private static HttpServer otherOrigin;

    @TestHTTPResource("/graphql")
    URL graphql;

    @BeforeAll
    static void start() throws Exception {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherOrigin.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>Another dashboard</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherOrigin.start();
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
    }

    @Test
    void aPageOnAnAllowedOriginQueriesAndSubscribes() {
        Page page = pageAt("127.0.0.1");
        assertEquals("answered", page.evaluate(QUERY, List.of(graphql.toString(), token(Roles.VIEWER))));
        assertEquals("connection_ack",
                page.evaluate(SOCKET, List.of(graphql.toString().replace("http", "ws"), token(Roles.VIEWER))));
    }

    @Test
    void aPageOnAnotherOriginIsBlocked() {
        Page page = pageAt("localhost");
        assertEquals("blocked", page.evaluate(QUERY, List.of(graphql.toString(), token(Roles.VIEWER))));
        assertEquals("refused", page.evaluate(SOCKET, List.of(graphql.toString().replace("http", "ws"), token(Roles.VIEWER))));
    }

    private static Page pageAt(String host) {
        Page page = browser.newContext().newPage();
        page.navigate("http://" + host + ":" + otherOrigin.getAddress().getPort() + "/");
        return page;
    }
}
