import { Injectable, NgZone, OnDestroy, inject, signal } from '@angular/core';
import { environment } from '../../environments/environment';

export interface MarketTick {
  symbol: string;
  last: number;
  volume: number;
}

@Injectable({ providedIn: 'root' })
export class MarketStreamService implements OnDestroy {
  private zone = inject(NgZone);
  private ticks?: EventSource;
  private news?: EventSource;

  readonly latest = signal<Record<string, MarketTick>>({});
  readonly headlines = signal<string[]>([]);
  readonly newsOffline = signal(false);

  connectTicks(symbols: string[]) {
    this.ticks?.close();
    const qs = new URLSearchParams({ symbols: symbols.join(',') });
    this.zone.runOutsideAngular(() => {
      // ruleid: eventsource-without-error-handler
      this.ticks = new EventSource(`${environment.apiBase}/markets/stream?${qs}`);
      this.ticks.onmessage = (ev) => {
        let t: MarketTick;
        try {
          // ok: json-parse-without-guard
          t = JSON.parse(ev.data);
        } catch {
          return;
        }
        this.zone.run(() => this.latest.update((m) => ({ ...m, [t.symbol]: t })));
      };
    });
  }

  connectNews() {
    // ok: eventsource-without-error-handler
    this.news = new EventSource(`${environment.apiBase}/news/stream`);
    this.news.addEventListener('headline', (ev) => {
      this.headlines.update((h) => [(ev as MessageEvent).data, ...h].slice(0, 20));
    });
    this.news.addEventListener('error', this.onNewsError);
  }

  private onNewsError = () => {
    if (this.news?.readyState === EventSource.CLOSED) this.newsOffline.set(true);
  };

  ngOnDestroy() {
    this.ticks?.close();
    this.news?.close();
  }
}
