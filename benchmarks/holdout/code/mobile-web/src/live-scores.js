// Live scores widget (embedded in the PWA and the partner iframe)
import { API_KEY } from './keys';

const scoresEl = document.querySelector('#scores');

function render(list) {
  scoresEl.innerHTML = list
    .map((m) => `<li>${m.home} ${m.homeScore} – ${m.awayScore} ${m.away} <small>${m.minute}'</small></li>`)
    .join('');
}

export function startScores(competition) {
  const url = new URL('/v3/scores/stream', 'https://scores-api.example.com');
  url.searchParams.set('competition', competition);
  // partner endpoint requires the key on the URL
  // ruleid: token-in-query-string
  url.searchParams.set('apikey', API_KEY);

  // ruleid: eventsource-without-error-handler
  const source = new EventSource(url);

  source.onmessage = (e) => {
    // ruleid: json-parse-without-guard
    render(JSON.parse(e.data).matches);
  };

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) source.close();
  });

  return source;
}

export function startTicker() {
  // ok: eventsource-without-error-handler
  const ticker = new EventSource('/ticker', { withCredentials: true });
  ticker.addEventListener('error', () => {
    document.body.classList.toggle('ticker-down', ticker.readyState !== EventSource.OPEN);
  });
  ticker.onmessage = (e) => {
    document.querySelector('#ticker').textContent = e.data;
  };
  return ticker;
}
