// Tessera sandbox stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js.
// Only what the app relies on: window.shopify (config, idToken, toast, loading), the fetch patch
// that adds `Authorization: Bearer <id token>` to same-origin requests, the bounce page reload,
// and visible <ui-nav-menu> / <ui-title-bar>. Elements render into shadow roots so React's
// hydration of the light DOM is never disturbed. No external requests except the sandbox itself.
(function () {
  "use strict";
  if (window.shopify && window.shopify.__tesseraSandbox) return;

  var script = document.currentScript || document.querySelector("script[data-api-key]");
  var sandboxOrigin = new URL(script.src, location.href).origin;
  var STORE_KEY = "tessera-sandbox-app-bridge";
  var params = new URLSearchParams(location.search);

  // Shop, host, locale and the last id token survive client navigations and reloads in sessionStorage.
  var saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || "{}") || {}; } catch (e) { saved = {}; }
  var state = {
    shop: params.get("shop") || saved.shop || "",
    host: params.get("host") || saved.host || "",
    locale: params.get("locale") || saved.locale || "en",
    token: params.get("id_token") || saved.token || "",
  };
  function persist() {
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* storage disabled */ }
  }
  persist();

  function expiresAt(token) {
    try {
      var body = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(body)).exp * 1000;
    } catch (e) { return 0; }
  }

  var originalFetch = window.fetch.bind(window);
  var pending = null;
  // A cached token is reused until ~10 s before it expires; `force` asks the sandbox for a new one
  // (after the app answered 401 with X-Shopify-Retry-Invalid-Session-Request).
  function freshToken(force) {
    if (!force && state.token && expiresAt(state.token) - Date.now() > 10000) return Promise.resolve(state.token);
    if (!state.token) return Promise.reject(new Error("No session token: open the app through the sandbox admin (/admin/apps/open)."));
    if (!pending) {
      // text/plain keeps this a simple CORS request (no preflight); the body is JSON.
      pending = originalFetch(sandboxOrigin + "/admin/session-token", {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({ token: state.token }),
      })
        .then(function (res) {
          if (!res.ok) throw new Error("The sandbox refused to refresh the session token (" + res.status + ")");
          return res.json();
        })
        .then(function (json) { state.token = json.token; persist(); return json.token; })
        .finally(function () { pending = null; });
    }
    return pending;
  }
  function idToken() { return freshToken(false); }

  // Same-origin requests carry the session token, as real App Bridge does; Remix loaders depend on it.
  window.fetch = function (input, init) {
    var request = new Request(input, init);
    if (new URL(request.url).origin !== location.origin || request.headers.has("Authorization")) return originalFetch(request);
    var retry = request.clone();
    return withToken(request, false).then(function (res) {
      if (res.status !== 401 || res.headers.get("X-Shopify-Retry-Invalid-Session-Request") !== "1") return res;
      return withToken(retry, true);
    });
  };
  function withToken(request, force) {
    return freshToken(force).then(
      function (token) {
        var headers = new Headers(request.headers);
        headers.set("Authorization", "Bearer " + token);
        return originalFetch(new Request(request, { headers: headers, duplex: "half" }));
      },
      // Without a token the request goes out as is and the app answers like Shopify would.
      function () { return originalFetch(request); }
    );
  }

  // Toasts and the loading bar live in one host element created on first use (after hydration).
  var overlay = null;
  function overlayRoot() {
    if (overlay) return overlay;
    var host = document.createElement("tessera-sandbox-overlay");
    document.documentElement.appendChild(host);
    overlay = host.attachShadow({ mode: "open" });
    overlay.innerHTML =
      "<style>" +
      ".toasts{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);display:flex;flex-direction:column;gap:8px;z-index:2147483647;font:14px/1.4 system-ui,sans-serif}" +
      ".toast{background:#303030;color:#fff;padding:10px 16px;border-radius:8px;box-shadow:0 4px 12px rgba(0,0,0,.25)}" +
      ".toast.error{background:#8e1f0b}" +
      ".loading{position:fixed;top:0;left:0;height:3px;width:0;background:#008060;z-index:2147483647;transition:width 1.5s ease-out}" +
      ".loading.on{width:80%}" +
      "</style><div class=loading></div><div class=toasts role=status aria-live=polite></div>";
    return overlay;
  }
  var toastId = 0;
  var toast = {
    show: function (message, options) {
      var id = "toast-" + ++toastId;
      var el = document.createElement("div");
      el.className = "toast" + (options && options.isError ? " error" : "");
      el.id = id;
      el.textContent = String(message);
      overlayRoot().querySelector(".toasts").appendChild(el);
      setTimeout(function () { toast.hide(id); }, (options && options.duration) || 5000);
      return id;
    },
    hide: function (id) {
      var el = overlay && overlay.getElementById(id);
      if (el) el.remove();
    },
  };
  function loading(isLoading) {
    var on = isLoading === undefined ? true : Boolean(isLoading);
    overlayRoot().querySelector(".loading").classList.toggle("on", on);
  }

  window.shopify = {
    __tesseraSandbox: true,
    config: { apiKey: script.getAttribute("data-api-key") || "", shop: state.shop, host: state.host, locale: state.locale },
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: toast,
    loading: loading,
  };

  // Bounce page (/auth/session-token?shopify-reload=...): reload the app with a fresh id token.
  var reload = params.get("shopify-reload");
  if (reload) {
    var target = new URL(reload, location.href);
    if (target.origin === location.origin) {
      idToken().then(function (token) {
        target.searchParams.set("id_token", token);
        location.replace(target.toString());
      }, function () { /* nothing to prove who we are: leave the page as is */ });
    }
  }

  var BAR_CSS =
    ":host{display:block}" +
    "nav{display:flex;align-items:center;gap:4px;padding:8px 16px;background:#1a1a1a;font:600 13px/1.2 system-ui,sans-serif}" +
    "a{color:#e3e3e3;text-decoration:none;padding:6px 10px;border-radius:6px}" +
    "a:hover{background:#303030}a[aria-current=page]{background:#404040;color:#fff}" +
    "a.home{color:#fff;margin-right:12px}";

  var navMenus = new Set();
  // <ui-nav-menu>: the light-DOM anchors stay untouched (React owns them); we draw a bar from them.
  if (!customElements.get("ui-nav-menu")) {
    customElements.define("ui-nav-menu", class extends HTMLElement {
      connectedCallback() {
        if (!this.shadowRoot) this.attachShadow({ mode: "open" });
        var self = this;
        this._observer = new MutationObserver(function () { self.render(); });
        this._observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
        navMenus.add(this);
        this.render();
      }
      disconnectedCallback() {
        if (this._observer) this._observer.disconnect();
        navMenus.delete(this);
      }
      render() {
        var root = this.shadowRoot;
        var nav = document.createElement("nav");
        nav.setAttribute("aria-label", "App navigation");
        Array.prototype.forEach.call(this.querySelectorAll("a"), function (anchor) {
          var link = document.createElement("a");
          var href = anchor.getAttribute("href") || "";
          link.href = href;
          link.textContent = anchor.textContent;
          if (anchor.getAttribute("rel") === "home") link.className = "home";
          if (new URL(href, location.href).pathname === location.pathname) link.setAttribute("aria-current", "page");
          link.addEventListener("click", function (event) {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            // shopify-app-remix's AppProvider listens for this on window and calls Remix navigate().
            anchor.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true, composed: true }));
          });
          nav.appendChild(link);
        });
        root.innerHTML = "<style>" + BAR_CSS + "</style>";
        root.appendChild(nav);
      }
    });
  }
  function refreshNav() { navMenus.forEach(function (menu) { menu.render(); }); }
  ["pushState", "replaceState"].forEach(function (method) {
    var original = history[method];
    history[method] = function () {
      var result = original.apply(this, arguments);
      refreshNav();
      return result;
    };
  });
  addEventListener("popstate", refreshNav);

  // <ui-title-bar title="...">: shows the page title; its child buttons stay hidden.
  if (!customElements.get("ui-title-bar")) {
    customElements.define("ui-title-bar", class extends HTMLElement {
      static get observedAttributes() { return ["title"]; }
      connectedCallback() { this.render(); }
      attributeChangedCallback() { this.render(); }
      render() {
        if (!this.shadowRoot) this.attachShadow({ mode: "open" });
        var h1 = document.createElement("h1");
        h1.textContent = this.getAttribute("title") || "";
        this.shadowRoot.innerHTML = "<style>:host{display:block}h1{margin:0;padding:12px 16px;font:600 20px/1.3 system-ui,sans-serif;color:#303030;background:#f1f1f1;border-bottom:1px solid #e3e3e3}</style>";
        this.shadowRoot.appendChild(h1);
      }
    });
  }
})();
