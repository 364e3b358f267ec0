// Subscriptions over graphql-transport-ws on /graphql: the token goes in connection_init's payload (a browser cannot
// set headers on a WebSocket), and the connection comes back by itself after the service restarts.
import { session } from './session.js';

export function connectLive({ onState }) {
  const subscriptions = new Map();
  let socket = null;
  let attempt = 0;
  let nextId = 1;
  // Operations may start only once the server has acknowledged connection_init (else it closes with 4401).
  let acknowledged = false;

  const send = message => socket?.readyState === WebSocket.OPEN && socket.send(JSON.stringify(message));
  const start = (id, subscription) => acknowledged
    && send({ id, type: 'subscribe', payload: { query: subscription.query, variables: subscription.variables } });

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(`${scheme}//${location.host}/graphql`, 'graphql-transport-ws');
    acknowledged = false;
    socket.onopen = () => {
      const token = session.token();
      send({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} });
    };
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      switch (message.type) {
        case 'connection_ack':
          acknowledged = true;
          attempt = 0;
          onState('live');
          subscriptions.forEach((subscription, id) => start(id, subscription));
          break;
        case 'next':
          subscriptions.get(message.id)?.onData(message.payload);
          break;
        case 'error':
          subscriptions.get(message.id)?.onError?.(message.payload);
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
        default:
      }
    };
    socket.onclose = event => {
      const wasLive = acknowledged;
      acknowledged = false;
      if (event.code === 4401 || event.code === 4403) session.expired();
      onState(wasLive ? 'reconnecting' : 'offline');
      // Backs off up to 15 s between attempts, with jitter so that a restarted service is not hit all at once.
      const delay = Math.min(15000, 500 * 2 ** attempt++) * (0.75 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }

  connect();
  return {
    subscribe(query, variables, onData, onError) {
      const id = String(nextId++);
      subscriptions.set(id, { query, variables, onData, onError });
      start(id, subscriptions.get(id));
      return () => {
        subscriptions.delete(id);
        if (acknowledged) send({ id, type: 'complete' });
      };
    },
    /** Sign-in changed: the connection starts over with the new token. */
    restart() {
      attempt = 0;
      socket?.close();
    },
  };
}
