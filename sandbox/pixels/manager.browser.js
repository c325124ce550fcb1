// Web Pixels Manager stand-in for the storefront's top page: the event bus (standard events from
// the page, custom events from Shopify.analytics.publish), the Customer Privacy API
// (Shopify.customerPrivacy), and one sandboxed iframe + worker per app pixel, loaded only when the
// visitor has granted what the pixel's extension.toml [customer_privacy] requires.
(() => {
  if (window.Shopify && window.Shopify.__sandboxWpm) return;
  const dataEl = document.getElementById("shopify-wpm-data");
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent);
  const Shopify = (window.Shopify = window.Shopify || {});
  const STANDARD = new Set(data.standardEvents);
  const events = []; // this page's events, replayed to pixels that load later
  const frames = new Map(); // handle -> { frame, ready }
  let seq = 0;

  const readCookie = (name) => {
    const hit = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
    return hit === undefined ? null : decodeURIComponent(hit.slice(name.length + 1));
  };
  const writeCookie = (name, value, days) => {
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${days * 86400}; samesite=lax`;
  };

  // ---- Customer Privacy API --------------------------------------------------------------
  function consent() {
    try {
      return JSON.parse(readCookie("_tracking_consent") || "null");
    } catch {
      return null;
    }
  }
  function customerPrivacy() {
    const c = consent();
    if (!c) {
      // No decision yet: where consent is required nothing is allowed.
      const allowed = !data.consentRequired;
      return { analyticsProcessingAllowed: allowed, marketingAllowed: allowed, preferencesProcessingAllowed: allowed, saleOfDataAllowed: allowed };
    }
    return { analyticsProcessingAllowed: !!c.analytics, marketingAllowed: !!c.marketing, preferencesProcessingAllowed: !!c.preferences, saleOfDataAllowed: !!c.sale_of_data };
  }
  const clientId = readCookie("_shopify_y") || (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  function persistClientId() {
    if (customerPrivacy().analyticsProcessingAllowed && !readCookie("_shopify_y")) writeCookie("_shopify_y", clientId, 365);
  }

  Shopify.customerPrivacy = {
    currentVisitorConsent: () => {
      const c = consent();
      const v = (x) => (c === null ? "" : x ? "yes" : "no");
      return { analytics: v(c && c.analytics), marketing: v(c && c.marketing), preferences: v(c && c.preferences), sale_of_data: v(c && c.sale_of_data) };
    },
    analyticsProcessingAllowed: () => customerPrivacy().analyticsProcessingAllowed,
    marketingAllowed: () => customerPrivacy().marketingAllowed,
    preferencesProcessingAllowed: () => customerPrivacy().preferencesProcessingAllowed,
    saleOfDataAllowed: () => customerPrivacy().saleOfDataAllowed,
    shouldShowBanner: () => data.consentRequired && consent() === null,
    setTrackingConsent(choice, callback) {
      const c = { analytics: !!choice.analytics, marketing: !!choice.marketing, preferences: !!choice.preferences, sale_of_data: !!choice.sale_of_data };
      writeCookie("_tracking_consent", JSON.stringify(c), 365);
      persistClientId();
      const privacy = customerPrivacy();
      document.dispatchEvent(new CustomEvent("visitorConsentCollected", { detail: privacy }));
      for (const { frame, ready } of frames.values()) if (ready) frame.contentWindow.postMessage({ type: "consent", customerPrivacy: privacy }, "*");
      loadPermittedPixels();
      if (typeof callback === "function") callback();
    },
  };

  // ---- events ------------------------------------------------------------------------------
  const location = () => {
    const l = window.location;
    return { hash: l.hash, host: l.host, hostname: l.hostname, href: l.href, origin: l.origin, pathname: l.pathname, port: l.port, protocol: l.protocol, search: l.search };
  };
  function context() {
    return {
      document: { characterSet: document.characterSet, location: location(), referrer: document.referrer, title: document.title },
      navigator: { cookieEnabled: navigator.cookieEnabled, language: navigator.language, languages: [...navigator.languages], userAgent: navigator.userAgent },
      window: {
        innerHeight: window.innerHeight, innerWidth: window.innerWidth, location: location(), origin: window.origin,
        outerHeight: window.outerHeight, outerWidth: window.outerWidth, pageXOffset: window.pageXOffset, pageYOffset: window.pageYOffset,
        screen: { height: screen.height, width: screen.width }, screenX: window.screenX, screenY: window.screenY, scrollX: window.scrollX, scrollY: window.scrollY,
      },
    };
  }
  function emit(event) {
    events.push(event);
    for (const { frame, ready } of frames.values()) if (ready) frame.contentWindow.postMessage({ type: "event", event }, "*");
    return true;
  }
  const envelope = (name, type) => ({ clientId, context: context(), id: `sh-${crypto.randomUUID()}`, name, seq: ++seq, timestamp: new Date().toISOString(), type });
  function publishStandard(name, payload) {
    if (!STANDARD.has(name)) throw new Error(`not a standard event: ${name}`);
    return emit({ ...envelope(name, "standard"), data: payload });
  }
  Shopify.analytics = Shopify.analytics || {};
  const queued = Shopify.analytics.replayQueue || [];
  Shopify.analytics.replayQueue = [];
  Shopify.analytics.publish = (name, customData) => {
    if (typeof name !== "string" || !name) return false;
    if (STANDARD.has(name)) {
      console.warn(`Shopify.analytics.publish: "${name}" is a standard event; only Shopify publishes those.`);
      return false;
    }
    return emit({ ...envelope(name, "custom"), customData: customData === undefined ? null : customData });
  };

  /** Cart Ajax API line item (/cart/add.js) → the pixel CartLine shape. */
  function cartLineFromAjax(item, currencyCode) {
    const money = (cents) => ({ amount: Math.round(cents) / 100, currencyCode });
    return {
      cost: { totalAmount: money(item.final_line_price) },
      merchandise: {
        id: String(item.variant_id),
        image: item.image ? { src: item.image } : null,
        price: money(item.price),
        product: { id: String(item.product_id), title: item.product_title, type: item.product_type || null, untranslatedTitle: item.untranslated_product_title, url: item.url.split("?")[0], vendor: item.vendor },
        sku: item.sku || null,
        title: item.variant_title || "Default Title",
        untranslatedTitle: item.untranslated_variant_title || "Default Title",
      },
      quantity: item.quantity,
    };
  }

  // ---- pixels -------------------------------------------------------------------------------
  function permitted(requires) {
    const p = customerPrivacy();
    return (!requires.analytics || p.analyticsProcessingAllowed) && (!requires.marketing || p.marketingAllowed) &&
      (!requires.preferences || p.preferencesProcessingAllowed) && (!requires.saleOfData || p.saleOfDataAllowed);
  }
  function loadPermittedPixels() {
    for (const pixel of data.pixels) {
      if (frames.has(pixel.handle) || !permitted(pixel.requires)) continue;
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", "allow-scripts");
      frame.setAttribute("aria-hidden", "true");
      frame.setAttribute("tabindex", "-1");
      frame.title = `web-pixel-sandbox-${pixel.handle}`;
      frame.name = `web-pixel-sandbox-${pixel.handle}`;
      frame.style.cssText = "position:absolute;width:1px;height:1px;border:0;visibility:hidden;left:-9999px";
      frame.src = pixel.src;
      frames.set(pixel.handle, { frame, ready: false, pixel });
      document.body.appendChild(frame);
    }
  }
  const BROWSER = {
    cookie: {
      get: (name) => (name ? readCookie(name) || "" : document.cookie),
      set: (cookieOrName, value) => {
        document.cookie = value === undefined ? cookieOrName : `${cookieOrName}=${encodeURIComponent(value)}; path=/`;
        return document.cookie;
      },
    },
    localStorage: (method, args) => (method === "length" ? localStorage.length : localStorage[method](...args)),
    sessionStorage: (method, args) => (method === "length" ? sessionStorage.length : sessionStorage[method](...args)),
    sendBeacon: { sendBeacon: (url, body) => navigator.sendBeacon(url, body) },
  };
  window.addEventListener("message", (e) => {
    const entry = [...frames.values()].find((f) => f.frame.contentWindow === e.source);
    if (!entry) return;
    const message = e.data || {};
    if (message.type === "ready") {
      entry.ready = true;
      e.source.postMessage({ type: "init", init: initData(), settings: entry.pixel.settings, pixelInfo: { type: "APP", handle: entry.pixel.handle, runtimeContext: "STRICT" }, events }, "*");
    } else if (message.type === "browser") {
      let result;
      let error;
      try {
        const api = BROWSER[message.api];
        result = typeof api === "function" ? api(message.method, message.args) : api[message.method](...message.args);
      } catch (err) {
        error = String(err && err.message ? err.message : err);
      }
      e.source.postMessage({ type: "browser-result", id: message.id, result, error }, "*");
    } else if (message.type === "error") {
      console.warn(`[web pixel ${entry.pixel.handle}] ${message.message}`);
    }
  });
  function initData() {
    return { context: context(), data: { customer: data.init.customer, cart: data.init.cart, shop: data.init.shop, purchasingCompany: null }, customerPrivacy: customerPrivacy() };
  }

  Shopify.__sandboxWpm = { publishStandard, cartLineFromAjax, currency: data.currency };

  // Standard events of this page, in Shopify's order: page_viewed first.
  publishStandard("page_viewed", {});
  for (const event of data.pageEvents) publishStandard(event.name, event.data);
  for (const [name, customData] of queued) Shopify.analytics.publish(name, customData);
  persistClientId();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadPermittedPixels);
  else loadPermittedPixels();
})();
