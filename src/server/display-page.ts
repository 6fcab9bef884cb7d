/**
 * The waiting-room page (`GET /display`): static HTML for a 1920x1080 TV. It follows
 * `/api/v1/display/events` (passing on its own `?key=` and `?date=`) and reconnects by itself.
 * It shows token ids only: the feed it reads carries no names or phones.
 */
export const DISPLAY_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=1920, height=1080">
<title>OPD – now serving</title>
<style>
  html, body { margin: 0; height: 100%; background: #0b1b2b; color: #f4f7fa; font-family: "DejaVu Sans", Arial, sans-serif; }
  header { display: flex; justify-content: space-between; align-items: baseline; padding: 24px 48px; font-size: 40px; background: #12304d; }
  header .state { font-size: 28px; color: #9fc3e6; }
  header .state.offline { color: #ffb4a2; }
  main { display: grid; gap: 28px; padding: 32px 48px; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); }
  .doctor { background: #163a5c; border-radius: 18px; padding: 28px 32px; container-type: inline-size; }
  .doctor h2 { margin: 0 0 12px; font-size: 44px; font-weight: 600; }
  .label { font-size: 26px; color: #9fc3e6; text-transform: uppercase; letter-spacing: 2px; }
  /* A token on one line, as large as its card allows: SHR-001 fits three cards to a 1920 screen. */
  .now { font-size: min(150px, 19cqw); white-space: nowrap; font-weight: 700; line-height: 1.1; color: #ffe28a; font-variant-numeric: tabular-nums; }
  .next { font-size: 56px; margin: 8px 0 16px; min-height: 68px; font-variant-numeric: tabular-nums; }
  .next span { margin-right: 28px; }
  .waiting { font-size: 34px; }
  .doctor.away { background: #3a2a2a; }
  .doctor.away .now { color: #ffb4a2; font-size: min(110px, 16cqw); }
</style>
</head>
<body>
<header><span>Now serving</span><span class="state" id="state">connecting…</span><span id="clock"></span></header>
<main id="doctors"></main>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var feed = new URLSearchParams();
  if (params.get('key')) feed.set('key', params.get('key'));
  if (params.get('date')) feed.set('date', params.get('date'));
  var url = '/api/v1/display/events' + (feed.toString() ? '?' + feed.toString() : '');
  var stateEl = document.getElementById('state');
  function text(tag, cls, content) { var el = document.createElement(tag); if (cls) el.className = cls; el.textContent = content; return el; }
  function render(view) {
    document.getElementById('clock').textContent = view.clock;
    var main = document.getElementById('doctors');
    main.replaceChildren.apply(main, view.doctors.map(function (d) {
      var card = document.createElement('section');
      card.className = 'doctor' + (d.away ? ' away' : '');
      card.dataset.doctor = d.id;
      card.appendChild(text('h2', '', d.name));
      card.appendChild(text('div', 'label', 'Now'));
      card.appendChild(text('div', 'now', d.away ? 'Away' : (d.now || '—')));
      card.appendChild(text('div', 'label', 'Next'));
      var next = text('div', 'next', '');
      d.next.forEach(function (t) { next.appendChild(text('span', '', t)); });
      card.appendChild(next);
      card.appendChild(text('div', 'waiting', d.waiting + ' waiting'));
      return card;
    }));
  }
  function connect() {
    var source = new EventSource(url);
    source.addEventListener('display', function (e) { render(JSON.parse(e.data)); });
    source.onopen = function () { stateEl.textContent = 'live'; stateEl.className = 'state'; };
    source.onerror = function () {
      stateEl.textContent = 'reconnecting…'; stateEl.className = 'state offline';
      // The browser retries a dropped stream itself; an answered error closes it, so retry here.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }
  connect();
})();
</script>
</body>
</html>
`;
