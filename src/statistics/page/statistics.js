/* global Chart -- chart.umd.js, loaded by the page before this script */
/* The statistics page: reads /statistics with the user's token and draws it with Chart.js, served by the service itself. */
(() => {
  const $ = (id) => document.getElementById(id);
  const SUPPRESSED = '<5';
  const WITHHELD = '..';

  // The token comes in the address's fragment (#token=…, never sent to a server or logged) or is
  // pasted when the service asks for it, and stays in this tab's session storage.
  const TOKEN_KEY = 'statistics-token';
  function takeTokenFromAddress() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (!match) return;
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const authHeaders = () => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  class AccessError extends Error {}

  async function fetchFigures(from, to, format) {
    const res = await fetch(`/statistics?from=${from}&to=${to}&format=${format}`, { headers: authHeaders() });
    if (res.status === 401 || res.status === 403) {
      $('token-form').hidden = false;
      $('token-reason').textContent =
        res.status === 401 ? 'Statistiken kräver inloggning.' : 'Den token får inte se statistiken.';
      throw new AccessError(res.statusText);
    }
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new Error(`${res.status}: ${body.message ?? res.statusText}`);
    }
    return format === 'csv' ? res.blob() : res.json();
  }

  /** A suppressed or missing figure is not drawn: the table says "<5". */
  const plotted = (value) => (typeof value === 'number' ? value : null);

  const REASONS = {
    visitingParentIntoxicated: 'påverkad förälder',
    childUnwell: 'barnet mådde dåligt',
    other: 'annat',
  };
  const REMINDERS = {
    supporterNotAppointed: 'stödjare ej utsedd',
    startupMeetingNotHeld: 'uppstartsmöte ej hållet',
    visitReportMissing: 'rapport saknas',
    evaluationNotSubmitted: 'utvärdering ej inskickad',
    notArchived: 'ej arkiverat',
  };
  const MILESTONES = {
    supporterAppointed: 'stödjare utsedd',
    startupMeeting: 'uppstartsmöte',
    firstVisit: 'första besök',
  };

  function chartData(figures) {
    const { cases, daysFromJudgmentReceived: days, visits, reminders } = figures;
    return {
      endings: {
        labels: ['perioden löpte ut', 'avslutat i förtid', 'utvärderat'],
        datasets: [
          {
            label: 'ärenden',
            data: [cases.endedBy.periodEnded, cases.endedBy.endedEarly, cases.evaluated].map(plotted),
          },
        ],
      },
      days: {
        labels: Object.values(MILESTONES),
        datasets: [
          { label: 'median', data: Object.keys(MILESTONES).map((key) => plotted(days[key].medianDays)) },
          { label: '90:e percentilen', data: Object.keys(MILESTONES).map((key) => plotted(days[key].p90Days)) },
        ],
      },
      visits: {
        labels: ['genomförda', ...Object.values(REASONS).map((r) => `avbrutna: ${r}`), 'inställda', 'uteblivna'],
        datasets: [
          {
            label: 'besök',
            data: [
              visits.held,
              ...Object.keys(REASONS).map((key) => visits.stoppedByReason[key]),
              visits.cancelled,
              visits.notAttended,
            ].map(plotted),
          },
        ],
      },
      reminders: {
        labels: Object.values(REMINDERS),
        datasets: [{ label: 'påminnelser', data: Object.keys(REMINDERS).map((key) => plotted(reminders.byKind[key])) }],
      },
    };
  }

  const COLOURS = ['#1570ef', '#f79009', '#12b76a', '#7a5af8'];
  const charts = new Map();

  function draw(figures) {
    const data = chartData(figures);
    for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
      const name = canvas.dataset.chart;
      charts.get(name)?.destroy();
      data[name].datasets.forEach((set, i) => (set.backgroundColor = COLOURS[i % COLOURS.length]));
      charts.set(
        name,
        new Chart(canvas, {
          type: 'bar',
          data: data[name],
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true } },
          },
        }),
      );
      canvas.dataset.drawn = 'true';
    }
  }

  /** The CSV's cells: semicolon-separated, a quoted cell may hold ; and "" (see src/common/csv.ts). */
  function csvRows(text) {
    return text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) =>
        [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)]
          .slice(0, -1)
          .map(([, cell]) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell)),
      );
  }

  /** The same rows, labels and "<5" as the spreadsheet the committee downloads. */
  function fillTable(csv) {
    const [, ...rows] = csvRows(csv);
    $('figures').tBodies[0].replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement('tr');
        for (const cell of cells) {
          const td = document.createElement('td');
          td.textContent = cell === '' ? '–' : cell;
          if (cell === SUPPRESSED || cell === WITHHELD) td.dataset.suppressed = 'true';
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  async function show() {
    $('error').hidden = true;
    document.body.dataset.ready = 'false';
    try {
      const figures = await fetchFigures($('from').value, $('to').value, 'json');
      $('token-form').hidden = true;
      draw(figures);
      fillTable(await (await fetchFigures($('from').value, $('to').value, 'csv')).text());
      document.body.dataset.ready = 'true';
    } catch (error) {
      if (error instanceof AccessError) return;
      $('error').textContent = error.message;
      $('error').hidden = false;
    }
  }

  async function downloadCsv(event) {
    event.preventDefault();
    const blob = await fetchFigures($('from').value, $('to').value, 'csv');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `umgangesstod-statistik-${$('from').value}-${$('to').value}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function start() {
    takeTokenFromAddress();
    const params = new URLSearchParams(location.search);
    const today = new Date().toISOString().slice(0, 10);
    $('to').value = params.get('to') ?? today;
    $('from').value = params.get('from') ?? `${$('to').value.slice(0, 4)}-01-01`;
    $('period-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void show();
    });
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
      void show();
    });
    $('csv-link').addEventListener('click', (event) => void downloadCsv(event));
    void show();
  }

  start();
})();
