// Web pixel worker bootstrap (strict mode stand-in): runs inside a Web Worker that a sandboxed
// (opaque-origin) iframe creates, as Shopify runs strict pixels. No DOM, no cookies of the shop:
// everything reaches the page through messages. The pixel's own bundle is appended after this
// code; `register()` from @shopify/web-pixels-extension calls `shopify.extend(...)` below.
/* eslint-disable no-restricted-globals */
(() => {
  const EXTENSION_POINT = "WebPixel::Render";
  let extend = null;
  let started = false;
  const subscribers = [];
  const privacySubscribers = [];
  const pending = new Map();
  let nextCall = 0;

  self.shopify = {
    extend(point, fn) {
      if (point !== EXTENSION_POINT) throw new Error(`Unknown extension point ${point}; web pixels extend ${EXTENSION_POINT}`);
      extend = fn;
    },
  };

  function call(api, method, args) {
    return new Promise((resolve, reject) => {
      const id = ++nextCall;
      pending.set(id, { resolve, reject });
      self.postMessage({ type: "browser", id, api, method, args });
    });
  }

  const storage = (api) => ({
    clear: () => call(api, "clear", []),
    getItem: (key) => call(api, "getItem", [key]),
    key: (index) => call(api, "key", [index]),
    length: () => call(api, "length", []),
    removeItem: (key) => call(api, "removeItem", [key]),
    setItem: (key, value) => call(api, "setItem", [key, value]),
  });

  const browser = {
    cookie: { get: (name) => call("cookie", "get", [name]), set: (cookieOrName, value) => call("cookie", "set", [cookieOrName, value]) },
    localStorage: storage("localStorage"),
    sessionStorage: storage("sessionStorage"),
    sendBeacon: (url, body) => call("sendBeacon", "sendBeacon", [url, body]),
  };

  function matches(name, event) {
    if (name === event.name) return true;
    if (name === "all_events") return event.type === "standard" || event.type === "custom" || event.type === "dom";
    if (name === "all_standard_events") return event.type === "standard";
    if (name === "all_custom_events") return event.type === "custom";
    if (name === "all_dom_events") return event.type === "dom";
    return false;
  }

  function dispatch(event) {
    for (const sub of subscribers.slice()) {
      if (!matches(sub.name, event)) continue;
      try {
        sub.callback(structuredClone(event)); // each subscriber gets its own copy, as in Shopify's sandbox
      } catch (error) {
        console.warn(`[web pixel] subscriber for ${sub.name} threw:`, error);
      }
    }
  }

  function start(message) {
    if (started || !extend) return;
    started = true;
    const api = Object.freeze({
      analytics: {
        subscribe(name, callback) {
          const sub = { name, callback };
          subscribers.push(sub);
          return () => {
            const i = subscribers.indexOf(sub);
            if (i >= 0) subscribers.splice(i, 1);
            return i >= 0;
          };
        },
      },
      browser,
      init: message.init,
      settings: message.settings,
      customerPrivacy: {
        subscribe(name, callback) {
          const sub = { name, callback };
          privacySubscribers.push(sub);
          return () => {
            const i = privacySubscribers.indexOf(sub);
            if (i >= 0) privacySubscribers.splice(i, 1);
            return i >= 0;
          };
        },
      },
      _pixelInfo: message.pixelInfo,
    });
    extend(api);
    for (const event of message.events) dispatch(event);
  }

  self.addEventListener("message", (e) => {
    const message = e.data || {};
    if (message.type === "init") start(message);
    else if (message.type === "event" && started) dispatch(message.event);
    else if (message.type === "consent" && started) {
      for (const sub of privacySubscribers.slice()) {
        if (sub.name === "visitorConsentCollected") sub.callback({ customerPrivacy: message.customerPrivacy });
      }
    } else if (message.type === "browser-result") {
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (p) message.error ? p.reject(new Error(message.error)) : p.resolve(message.result);
    }
  });
})();
