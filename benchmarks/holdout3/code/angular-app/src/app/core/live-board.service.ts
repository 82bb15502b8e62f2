import { Injectable, OnDestroy } from '@angular/core';
import { webSocket, WebSocketSubject } from 'rxjs/webSocket';
import { Observable, Subject, retry, share, takeUntil, timer } from 'rxjs';
import { environment } from '../../environments/environment';

export type BoardEvent =
  | { type: 'card.moved'; cardId: string; column: string; version: number }
  | { type: 'card.updated'; cardId: string; patch: Record<string, unknown>; version: number }
  | { type: 'presence'; users: string[] };

const RECONNECT_MS = 3000;

@Injectable({ providedIn: 'root' })
export class LiveBoardService implements OnDestroy {
  private socket$?: WebSocketSubject<BoardEvent | { op: string; [k: string]: unknown }>;
  private destroy$ = new Subject<void>();
  private events$?: Observable<BoardEvent>;

  connect(boardId: string): Observable<BoardEvent> {
    if (this.events$) return this.events$;

    this.socket$ = webSocket({
      // environment.wsBase is "wss://board.example.com" in prod and "ws://localhost:4300" in dev
      url: `${environment.wsBase}/boards/${boardId}`,
      openObserver: {
        next: () => this.socket$?.next({ op: 'hello', boardId }),
      },
    });

    this.events$ = (this.socket$ as Observable<BoardEvent>).pipe(
      // ruleid: reconnect-without-backoff
      retry({ delay: () => timer(RECONNECT_MS) }),
      takeUntil(this.destroy$),
      share(),
    );
    return this.events$;
  }

  moveCard(cardId: string, column: string, baseVersion: number): void {
    // WebSocketSubject buffers until the socket is open
    this.socket$?.next({ op: 'move', cardId, column, baseVersion });
  }

  ngOnDestroy(): void {
    this.destroy$.next();
    this.destroy$.complete();
    this.socket$?.complete();
  }
}
