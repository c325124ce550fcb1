// The theme stand-in's behaviour, Dawn-style: the page works without it (forms post, links link);
// with it, the consent banner talks to the Customer Privacy API and add-to-cart goes through
// /cart/add.js without leaving the product page, publishing product_added_to_cart.
(() => {
  const banner = document.getElementById("shopify-pc__banner");
  if (banner) {
    banner.addEventListener("click", (e) => {
      const choice = e.target.closest("[data-consent]")?.dataset.consent;
      if (!choice || !window.Shopify?.customerPrivacy) return;
      const granted = choice === "accept";
      window.Shopify.customerPrivacy.setTrackingConsent({ analytics: granted, marketing: granted, preferences: granted, sale_of_data: granted }, () => banner.remove());
    });
  }

  for (const form of document.querySelectorAll("form[data-product-form]")) {
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const status = form.querySelector(".form-status");
      const body = new FormData(form);
      const res = await fetch(`${form.action}.js`, { method: "POST", headers: { Accept: "application/json" }, body });
      if (!res.ok) {
        status.textContent = (await res.json().catch(() => ({}))).description || res.statusText;
        return;
      }
      const item = await res.json();
      const wpm = window.Shopify?.__sandboxWpm;
      if (wpm) wpm.publishStandard("product_added_to_cart", { cartLine: wpm.cartLineFromAjax(item, wpm.currency) });
      const count = document.querySelector("[data-cart-count]");
      if (count) count.textContent = String(Number(count.textContent) + Number(body.get("quantity") || 1));
      status.innerHTML = "";
      const link = document.createElement("a");
      link.href = document.getElementById("cart-link")?.getAttribute("href") || "/cart";
      link.textContent = form.dataset.viewCart || "View cart";
      status.append(document.createTextNode(`${form.dataset.added || "Added to your cart."} `), link);
    });
  }
})();
