// Environment-specific endpoints for the trading UI.
// Keep this file free of secrets — it ships to the browser.

export type Env = "development" | "staging" | "production";

interface Endpoints {
  api: string;
  marketData: string;
  orders: string;
}

const endpoints: Record<Env, Endpoints> = {
  development: {
    api: "http://localhost:4000",
    // ok: insecure-websocket-url
    marketData: "ws://localhost:4001/md",
    // ok: insecure-websocket-url
    orders: "ws://127.0.0.1:4002/orders",
  },
  staging: {
    api: "https://api.staging.tradedesk.example",
    marketData: "wss://md.staging.tradedesk.example/md",
    // TODO: staging orders gateway has no cert yet (INFRA-2231)
    // ruleid: insecure-websocket-url
    orders: "ws://orders.staging.tradedesk.example:8080/orders",
  },
  production: {
    api: "https://api.tradedesk.example",
    marketData: "wss://md.tradedesk.example/md",
    orders: "wss://orders.tradedesk.example/orders",
  },
};

export function currentEnv(): Env {
  const host = typeof window !== "undefined" ? window.location.hostname : "";
  if (host === "localhost" || host === "127.0.0.1") return "development";
  if (host.includes("staging")) return "staging";
  return "production";
}

export function getEndpoints(env: Env = currentEnv()): Endpoints {
  return endpoints[env];
}

export function marketDataUrl(symbols: string[]): string {
  const url = new URL(getEndpoints().marketData);
  url.searchParams.set("symbols", symbols.join(","));
  return url.toString();
}

/** Used by the Storybook mocks only. */
export const MOCK_FEED = {
  // ok: insecure-websocket-url
  url: "ws://[::1]:6006/mock-feed",
  latencyMs: 20,
};
