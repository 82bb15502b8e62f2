/* Ops dashboard: one EventSource for deploy events, one for alerts. */
(function () {
  'use strict';

  var banner = document.getElementById('conn-banner');
  var deploys = document.getElementById('deploys');
  var alerts = document.getElementById('alerts');

  function appendRow(list, text) {
    var li = document.createElement('li');
    li.textContent = text;
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 100) list.removeChild(list.lastChild);
  }

  // The gateway cannot read cookies on this subdomain, so pass the JWT along.
  // ruleid: token-in-query-string
  var deployUrl = '/ops/stream/deploys?token=' + encodeURIComponent(localStorage.getItem('ops_jwt'));
  // ok: eventsource-without-error-handler
  var deploySource = new EventSource(deployUrl);

  deploySource.addEventListener('deploy', function (e) {
    var d;
    try {
      // ok: json-parse-without-guard
      d = JSON.parse(e.data);
    } catch (_) {
      return;
    }
    appendRow(deploys, d.service + ' ' + d.version + ' by ' + d.actor);
  });

  deploySource.addEventListener('error', function () {
    if (deploySource.readyState === EventSource.CLOSED) {
      banner.textContent = 'Deploy stream closed. Reload to retry.';
    } else {
      banner.textContent = 'Reconnecting...';
    }
    banner.hidden = false;
  });

  deploySource.addEventListener('open', function () {
    banner.hidden = true;
  });

  // same-origin, cookie auth
  // ruleid: eventsource-without-error-handler
  var alertSource = new EventSource('/ops/stream/alerts', { withCredentials: true });
  alertSource.onmessage = function (e) {
    // ruleid: json-parse-without-guard
    var a = JSON.parse(e.data);
    appendRow(alerts, '[' + a.severity + '] ' + a.summary);
    if (a.severity === 'page') document.title = '(!) Ops dashboard';
  };

  window.addEventListener('beforeunload', function () {
    deploySource.close();
    alertSource.close();
  });
})();
