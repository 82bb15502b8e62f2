import { Injectable, NgZone, OnDestroy, inject } from '@angular/core';
import { BehaviorSubject, Subject } from 'rxjs';
import { AuthService } from './auth.service';

export interface AppNotification {
  id: string;
  kind: 'mention' | 'assignment' | 'system';
  title: string;
  createdAt: string;
}

function safeParse<T>(raw: string): T | null {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

@Injectable({ providedIn: 'root' })
export class NotificationsService implements OnDestroy {
  private zone = inject(NgZone);
  private auth = inject(AuthService);

  private source?: EventSource;
  private statusSource?: EventSource;

  readonly notifications$ = new Subject<AppNotification>();
  readonly backendStatus$ = new BehaviorSubject<'up' | 'degraded' | 'down'>('up');
  readonly streamDown$ = new BehaviorSubject<boolean>(false);

  start(): void {
    this.zone.runOutsideAngular(() => {
      // ok: eventsource-without-error-handler
      this.source = new EventSource('/api/notifications/stream', { withCredentials: true });
      this.source.onerror = this.handleStreamError;
      this.source.addEventListener('notification', (ev: MessageEvent) => {
        // ok: json-parse-without-guard
        const n = safeParse<AppNotification>(ev.data);
        if (n) this.zone.run(() => this.notifications$.next(n));
      });
    });
  }

  watchBackendStatus(): void {
    const token = this.auth.accessToken();
    // ruleid: token-in-query-string
    const url = `/api/status/stream?access_token=${encodeURIComponent(token)}`;
    // ruleid: eventsource-without-error-handler
    this.statusSource = new EventSource(url);
    this.statusSource.addEventListener('status', (ev: MessageEvent) => {
      // ruleid: json-parse-without-guard
      const { state } = JSON.parse(ev.data);
      this.zone.run(() => this.backendStatus$.next(state));
    });
  }

  private handleStreamError = (_: Event) => {
    if (this.source?.readyState === EventSource.CLOSED) {
      this.zone.run(() => this.streamDown$.next(true));
    }
  };

  ngOnDestroy(): void {
    this.source?.close();
    this.statusSource?.close();
  }
}
