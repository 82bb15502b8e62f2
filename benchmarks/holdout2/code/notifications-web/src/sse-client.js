// Vanilla widget bundle embedded on partner sites (no framework).
import { renderBadge, renderToast } from "./ui";

const STREAM_ORIGIN = "https://stream.notify.example.com";

export function startBadgeStream(siteKey, el) {
  const url = new URL("/v1/badge", STREAM_ORIGIN);
  url.searchParams.set("site", siteKey);
  // ok: eventsource-without-error-handler
  const es = new EventSource(url);
  es.addEventListener("count", (e) => renderBadge(el, Number(e.data) || 0));
  es.addEventListener("error", () => {
    if (es.readyState === EventSource.CLOSED) {
      el.dataset.state = "offline";
    }
  });
  return () => es.close();
}

export function startToastStream(siteKey, apiKey) {
  const url = new URL("/v1/toasts", STREAM_ORIGIN);
  url.searchParams.set("site", siteKey);
  // ruleid: token-in-query-string
  url.searchParams.set("api_key", apiKey);
  // ruleid: eventsource-without-error-handler
  const es = new EventSource(url.toString());
  es.addEventListener("toast", function (e) {
    let toast;
    try {
      // ok: json-parse-without-guard
      toast = JSON.parse(e.data);
    } catch (_) {
      return;
    }
    renderToast(toast);
  });
  return () => es.close();
}

// Used by our own logging so access tokens never reach the log pipeline.
export function redactUrl(href) {
  // ok: token-in-query-string
  return href.replace(/([?&](?:token|access_token|api_key)=)[^&]+/g, "$1***");
}
