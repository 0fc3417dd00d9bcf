// GanSharp lab: draws the frames the server sends (points and grids, not images) and sends the page's commands.
// Plain JavaScript and canvas, no build step. window.lab exposes the state the browser tests read.
'use strict';

const REAL = '#2CA02C', FAKE = '#1F5FD6', DSTAR = '#7F3B08', ARROW = '#222222', MANIFOLD = 'rgba(60, 60, 60, 0.45)', DCURVE = '#D7301F';
// D's colour scale: diverging and centred on D = ½ (where D* sits once p_G = p_data); pale at both ends so that the points stay readable.
const D_STOPS = [[0, [178, 171, 210]], [0.25, [216, 218, 235]], [0.5, [247, 247, 247]], [0.75, [254, 224, 182]], [1, [253, 184, 99]]];
const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 0];   // iterations a second; 0: as fast as the machine goes
const CURVES = [
  ['d', 'L_D', '#D7301F'], ['g', 'L_G', '#1F5FD6'], ['value', 'V̂(G, D)', '#666666'],
  ['jsd_from_d', 'JSD from D: (V̂ + log 4)/2', '#E6A100'], ['jsd', 'JSD(p_data, p̂_G)', '#7F3B08'],
];
const MARGIN = { left: 44, right: 12, top: 12, bottom: 30 };

const lab = window.lab = { setup: null, last: null, frames: 0, errors: [], history: [], fps: 0 };
const $ = id => document.getElementById(id);
const view = $('view'), ctx = view.getContext('2d');
const cells = document.createElement('canvas');   // D's grid, one pixel a cell, scaled onto the plane
let received = [];
const TEXT_INTERVAL_MS = 250;
let textDrawnAt = -Infinity;

// Point and grid arrays arrive as base-64 float32 (little-endian, which is how every browser's Float32Array reads them):
// cheaper for the training thread to write than decimal text, and exact.
const SETUP_ARRAYS = ['real', 'curve_x'], FRAME_ARRAYS = ['fake', 'd', 'arrows', 'manifold', 'dstar', 'p_g', 'p_data'];
function floats(text) {
  const chars = atob(text), bytes = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) bytes[i] = chars.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}
function decode(message, keys) {
  for (const key of keys) if (typeof message[key] === 'string') message[key] = floats(message[key]);
  return message;
}

function colour(d) {
  d = Math.min(1, Math.max(0, d));
  for (let i = 1; i < D_STOPS.length; i++) {
    const [t1, c1] = D_STOPS[i];
    if (d <= t1) {
      const [t0, c0] = D_STOPS[i - 1], u = (d - t0) / (t1 - t0);
      return c0.map((c, j) => Math.round(c + u * (c1[j] - c)));
    }
  }
  return D_STOPS[D_STOPS.length - 1][1];
}

async function command(body) {
  try {
    const response = await fetch('command', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) $('message').textContent = 'The server refused the command (' + response.status + ').';
  } catch (e) {
    $('message').textContent = 'The server cannot be reached: ' + e.message;
  }
}

async function loadSetup() {
  const response = await fetch('setup');
  if (!response.ok) return;
  lab.setup = decode(await response.json(), SETUP_ARRAYS);
  lab.history = [];
  fillSelect('data', lab.setup.names.data);
  fillSelect('objective', lab.setup.names.objective);
  fillSelect('prior', lab.setup.names.prior);
  $('show-manifold').parentElement.style.display = lab.setup.dimension === 2 ? '' : 'none';
  $('show-dstar').parentElement.lastChild.textContent = lab.setup.dimension === 2 ? ' D* = ½ contour' : ' D*(x)';
  drawScale();
}

function fillSelect(id, names) {
  const select = $(id);
  if (select.options.length === names.length) return;
  select.replaceChildren(...names.map(n => new Option(n, n)));
}

// ---- the plane (2D) or the line (1D) ----

function area() {
  return { x: MARGIN.left, y: MARGIN.top, w: view.width - MARGIN.left - MARGIN.right, h: view.height - MARGIN.top - MARGIN.bottom };
}

function mapper(setup) {
  const a = area(), [x0, x1, y0, y1] = setup.region;
  return { a, px: x => a.x + (x - x0) / (x1 - x0) * a.w, py: y => a.y + (y1 - y) / (y1 - y0) * a.h };
}

function draw() {
  const setup = lab.setup, frame = lab.last;
  if (!setup || !frame || frame.run !== setup.run) return;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, view.width, view.height);
  if (setup.dimension === 2) draw2D(setup, frame); else draw1D(setup, frame);
  ctx.restore();
}

function draw2D(setup, frame) {
  const m = mapper(setup), a = m.a, n = setup.grid;
  // D(x) on the grid, smoothed by the canvas's bilinear scaling.
  if (cells.width !== n) { cells.width = n; cells.height = n; }
  const image = cells.getContext('2d').createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const c = colour(frame.d[i]);
    image.data[4 * i] = c[0]; image.data[4 * i + 1] = c[1]; image.data[4 * i + 2] = c[2]; image.data[4 * i + 3] = 255;
  }
  cells.getContext('2d').putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, a.x, a.y, a.w, a.h);
  axes(setup, m);
  ctx.save();
  ctx.beginPath(); ctx.rect(a.x, a.y, a.w, a.h); ctx.clip();
  if ($('show-dstar').checked && frame.dstar) contour(frame.dstar, n, 0.5, m, setup);
  if ($('show-manifold').checked && frame.manifold) manifold(frame.manifold, m);
  if ($('show-real').checked) dots(setup.real, 2, REAL, m);
  // Generated points on top of the data: where G puts its mass is what the picture is about.
  if ($('show-fake').checked) dots(frame.fake, 2, FAKE, m);
  if ($('show-arrows').checked) arrows2D(frame, m);
  ctx.restore();
}

// Each layer is one path, filled or stroked once: a frame comes every 40 ms, and the browser shares the machine with training.
function dots(points, d, fill, m) {
  ctx.fillStyle = fill;
  ctx.beginPath();
  for (let i = 0; i + d - 1 < points.length; i += d) {
    const x = m.px(points[i]), y = m.py(points[i + 1]);
    ctx.moveTo(x + 2.3, y);
    ctx.arc(x, y, 2.3, 0, 2 * Math.PI);
  }
  ctx.fill();
}

function arrows2D(frame, m) {
  const length = 0.09 * m.a.w;
  ctx.strokeStyle = ARROW; ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < frame.arrows.length; i += 2) {
    const x = m.px(frame.fake[i]), y = m.py(frame.fake[i + 1]);
    arrow(x, y, x + frame.arrows[i] * length, y - frame.arrows[i + 1] * length);
  }
  ctx.stroke();
}

function arrow(x0, y0, x1, y1) {
  const dx = x1 - x0, dy = y1 - y0, l = Math.hypot(dx, dy);
  if (l < 1.5) return;
  const ux = dx / l, uy = dy / l, head = Math.min(5, 0.4 * l);
  ctx.moveTo(x0, y0); ctx.lineTo(x1, y1);
  ctx.moveTo(x1 - head * (ux - 0.5 * uy), y1 - head * (uy + 0.5 * ux)); ctx.lineTo(x1, y1);
  ctx.lineTo(x1 - head * (ux + 0.5 * uy), y1 - head * (uy - 0.5 * ux));
}

function manifold(points, m) {
  const lines = Math.round(Math.sqrt(points.length / 2));
  ctx.strokeStyle = MANIFOLD; ctx.lineWidth = 1;
  const at = (i, j) => 2 * (i * lines + j);
  ctx.beginPath();
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < lines; i++) {
      for (let j = 0; j < lines; j++) {
        const k = pass === 0 ? at(i, j) : at(j, i);
        if (j === 0) ctx.moveTo(m.px(points[k]), m.py(points[k + 1])); else ctx.lineTo(m.px(points[k]), m.py(points[k + 1]));
      }
    }
  }
  ctx.stroke();
}

// Marching squares on the grid of cell centres: the line where the field crosses level.
function contour(field, n, level, m, setup) {
  const [x0, x1, y0, y1] = setup.region, cx = (x1 - x0) / n, cy = (y1 - y0) / n;
  const X = j => x0 + (j + 0.5) * cx, Y = i => y1 - (i + 0.5) * cy;
  ctx.strokeStyle = DSTAR; ctx.lineWidth = 1.6; ctx.setLineDash([5, 3]);
  ctx.beginPath();
  for (let i = 0; i + 1 < n; i++) {
    for (let j = 0; j + 1 < n; j++) {
      const corners = [[i, j], [i, j + 1], [i + 1, j + 1], [i + 1, j]];
      const v = corners.map(([r, c]) => field[r * n + c] - level);
      const crossings = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e], b = v[(e + 1) % 4];
        if ((a < 0) !== (b < 0)) {
          const t = a / (a - b), [r0, c0] = corners[e], [r1, c1] = corners[(e + 1) % 4];
          crossings.push([X(c0 + t * (c1 - c0)), Y(r0 + t * (r1 - r0))]);
        }
      }
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        ctx.moveTo(m.px(crossings[k][0]), m.py(crossings[k][1]));
        ctx.lineTo(m.px(crossings[k + 1][0]), m.py(crossings[k + 1][1]));
      }
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

function axes(setup, m) {
  const [x0, x1, y0, y1] = setup.region, a = m.a;
  ctx.strokeStyle = '#999'; ctx.lineWidth = 1;
  ctx.strokeRect(a.x, a.y, a.w, a.h);
  ctx.fillStyle = '#444'; ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  for (const x of ticks(x0, x1)) ctx.fillText(format(x), m.px(x), a.y + a.h + 6);
  if (setup.dimension === 2) {
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    for (const y of ticks(y0, y1)) ctx.fillText(format(y), a.x - 6, m.py(y));
  }
}

function ticks(lo, hi) {
  const step = niceStep((hi - lo) / 6), result = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) result.push(Math.abs(t) < 1e-9 ? 0 : t);
  return result;
}

function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

function format(v) {
  return Math.abs(v) >= 100 || v === 0 ? String(Math.round(v)) : Number(v.toPrecision(3)).toString();
}

function draw1D(setup, frame) {
  const a = area(), xs = setup.curve_x, [x0, x1] = setup.region;
  const top = Math.max(1e-9, Math.min(Math.max(...frame.p_data, ...(frame.p_g || [0])), 2.5 * Math.max(...frame.p_data))) * 1.15;
  const px = x => a.x + (x - x0) / (x1 - x0) * a.w;
  const density = p => a.y + a.h - Math.min(p / top, 1.05) * a.h;
  const probability = d => a.y + a.h - d / 1.15 * a.h;
  // D(x) as the background, column by column, in the same colours as the plane.
  for (let i = 0; i < xs.length; i++) {
    const c = colour(frame.d[i]), left = i === 0 ? a.x : (px(xs[i - 1]) + px(xs[i])) / 2, right = i + 1 === xs.length ? a.x + a.w : (px(xs[i]) + px(xs[i + 1])) / 2;
    ctx.fillStyle = `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    ctx.fillRect(left, a.y, right - left + 0.5, a.h);
  }
  axes(setup, { a, px, py: () => 0 });
  const curve = (values, map, stroke, dash) => {
    ctx.strokeStyle = stroke; ctx.lineWidth = 2.2; ctx.setLineDash(dash || []);
    ctx.beginPath();
    values.forEach((v, i) => (i === 0 ? ctx.moveTo(px(xs[i]), map(v)) : ctx.lineTo(px(xs[i]), map(v))));
    ctx.stroke();
    ctx.setLineDash([]);
  };
  if ($('show-real').checked) curve(frame.p_data, density, REAL);
  if ($('show-fake').checked && frame.p_g) curve(frame.p_g, density, FAKE);
  curve(frame.d, probability, DCURVE);
  if ($('show-dstar').checked && frame.dstar) curve(frame.dstar, probability, DSTAR, [6, 4]);
  // The generated points as a rug, with G's gradient as arrows along the line.
  if ($('show-fake').checked) {
    ctx.fillStyle = FAKE;
    for (let i = 0; i < frame.fake.length; i += 4) ctx.fillRect(px(frame.fake[i]) - 0.5, a.y + a.h - 10, 1, 10);
  }
  if ($('show-arrows').checked) {
    ctx.strokeStyle = ARROW; ctx.lineWidth = 1;
    ctx.beginPath();
    frame.arrows.forEach((g, i) => {
      const x = px(frame.fake[i]), y = a.y + a.h - 16 - (i % 30) * 3;
      arrow(x, y, x + g * 0.09 * a.w, y);
    });
    ctx.stroke();
  }
  legend([['p_data', REAL], ['p_G (KDE of G(z))', FAKE], ['D(x)', DCURVE], ['D*(x)', DSTAR]], a.x + 8, a.y + 8);
}

function legend(items, x, y) {
  ctx.font = '12px system-ui, sans-serif'; ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
  items.forEach(([label, stroke], i) => {
    ctx.fillStyle = stroke; ctx.fillRect(x, y + i * 16 + 5, 14, 3);
    ctx.fillStyle = '#222'; ctx.fillText(label, x + 20, y + i * 16 + 6);
  });
}

function drawScale() {
  const canvas = $('scale'), c = canvas.getContext('2d'), left = MARGIN.left, width = canvas.width - MARGIN.left - MARGIN.right;
  c.clearRect(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < width; i++) {
    const rgb = colour(i / (width - 1));
    c.fillStyle = `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
    c.fillRect(left + i, 4, 1, 14);
  }
  c.strokeStyle = '#999'; c.strokeRect(left, 4, width, 14);
  c.fillStyle = '#444'; c.font = '12px system-ui, sans-serif'; c.textBaseline = 'top';
  [[0, 'D(x) = 0 (says generated)', 'left'], [0.5, '½', 'center'], [1, 'D(x) = 1 (says real)', 'right']].forEach(([t, label, align]) => {
    c.textAlign = align;
    c.fillText(label, left + t * width, 22);
  });
  // The legend of the points sits here, under the scale and off the data.
  const dot = (x, fill, label) => {
    c.fillStyle = fill; c.beginPath(); c.arc(x, 46, 4, 0, 2 * Math.PI); c.fill();
    c.fillStyle = '#444'; c.textAlign = 'left'; c.fillText(label, x + 8, 40);
  };
  dot(left + 4, REAL, 'real data');
  dot(left + 90, FAKE, 'generated G(z)');
  c.fillStyle = '#444'; c.fillText(lab.setup && lab.setup.dimension === 2 ? '→ G\'s gradient −∂L_G/∂x   ▦ G\'s manifold   ┅ D* = ½' : '┅ D*(x) = p_data / (p_data + p_G)', left + 215, 40);
}

// ---- curves and numbers ----

function record(frame) {
  const s = frame.stats || {}, l = frame.losses || {};
  const last = lab.history[lab.history.length - 1];
  const entry = { it: frame.iteration, d: l.d, g: l.g, value: s.value, jsd_from_d: s.jsd_from_d, jsd: s.jsd };
  if (last && last.it === entry.it) lab.history[lab.history.length - 1] = entry; else lab.history.push(entry);
  // Keep the curves' memory bounded: thin the older half when full.
  if (lab.history.length > 800) lab.history = lab.history.filter((_, i) => i % 2 === 0 || i > 400);
}

function drawCurves() {
  const canvas = $('curves'), c = canvas.getContext('2d'), h = lab.history;
  c.fillStyle = '#fff'; c.fillRect(0, 0, canvas.width, canvas.height);
  const a = { x: 40, y: 8, w: canvas.width - 50, h: canvas.height - 92 };
  c.strokeStyle = '#bbb'; c.strokeRect(a.x, a.y, a.w, a.h);
  if (h.length < 2) return;
  let lo = Infinity, hi = -Infinity;
  for (const e of h) for (const [key] of CURVES) if (Number.isFinite(e[key])) { lo = Math.min(lo, e[key]); hi = Math.max(hi, e[key]); }
  if (!(hi > lo)) { hi = lo + 1; }
  const i0 = h[0].it, i1 = Math.max(h[h.length - 1].it, i0 + 1);
  const px = it => a.x + (it - i0) / (i1 - i0) * a.w, py = v => a.y + a.h - (v - lo) / (hi - lo) * a.h;
  c.font = '11px system-ui, sans-serif'; c.fillStyle = '#444'; c.textAlign = 'right'; c.textBaseline = 'middle';
  for (const t of ticks(lo, hi)) c.fillText(format(t), a.x - 4, py(t));
  c.textAlign = 'center'; c.textBaseline = 'top';
  c.fillText('iteration ' + i0, a.x + 40, a.y + a.h + 3); c.fillText(String(i1), a.x + a.w - 10, a.y + a.h + 3);
  CURVES.forEach(([key, label, stroke], k) => {
    c.strokeStyle = stroke; c.lineWidth = 1.5; c.beginPath();
    let started = false;
    for (const e of h) {
      if (!Number.isFinite(e[key])) continue;
      if (!started) { c.moveTo(px(e.it), py(e[key])); started = true; } else c.lineTo(px(e.it), py(e[key]));
    }
    c.stroke();
    const lx = a.x + (k % 2) * 210, ly = a.y + a.h + 24 + Math.floor(k / 2) * 16;
    c.fillStyle = stroke; c.fillRect(lx, ly + 4, 14, 3);
    c.fillStyle = '#222'; c.textAlign = 'left'; c.fillText(label, lx + 18, ly);
  });
}

function showNumbers(frame) {
  const s = frame.stats || {}, l = frame.losses || {}, f = v => (v === undefined || v === null ? '–' : Number(v).toFixed(4));
  const rows = [
    ['L_D (last iteration)', f(l.d)], ['L_G (last iteration)', f(l.g)],
    ['L_D of the last single D step', f(l.d_step)], ['L_G of the last single G step', f(l.g_step)],
    ['V̂(G, D) on the shown points', f(s.value)], ['JSD from D: (V̂ + log 4)/2', f(s.jsd_from_d)],
    ['JSD(p_data, p̂_G), exact p_data, KDE of G', f(s.jsd)],
  ];
  if (s.modes !== undefined) rows.push([`modes captured (${s.mode_samples} samples)`, s.modes + ' / ' + s.modes_total], ['high-quality samples', (100 * s.high_quality).toFixed(1) + ' %']);
  $('numbers').replaceChildren(...rows.map(([k, v]) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('td'), { textContent: k }), Object.assign(document.createElement('td'), { textContent: v }));
    return tr;
  }));
}

function syncControls(frame) {
  $('play').textContent = frame.playing ? '❚❚ pause' : '▶ play';
  for (const key of ['data', 'objective', 'prior', 'k', 'batch_size', 'lr_d', 'lr_g']) {
    const input = $(key);
    if (document.activeElement !== input && frame.settings[key] !== undefined && frame.settings[key] !== null) input.value = String(frame.settings[key]);
  }
  const speed = SPEEDS.indexOf(frame.speed);
  if (document.activeElement !== $('speed') && speed >= 0) { $('speed').value = speed; $('speed-text').textContent = frame.speed ? frame.speed + '/s' : 'max'; }
  $('message').textContent = frame.message || '';
}

function onFrame(frame) {
  lab.frames++;
  lab.last = frame;
  const now = performance.now();
  received.push(now);
  received = received.filter(t => now - t < 2000);
  lab.fps = received.length / 2;
  if (!lab.setup || lab.setup.run !== frame.run) {
    loadSetup().then(draw);
  }
  draw();
  // The plane moves with every frame; the curves, the numbers and the controls change slower (the server recomputes the numbers
  // 4 times a second), so while training runs they are redrawn 4 times a second: the browser shares the machine with training.
  if (!frame.playing || now - textDrawnAt >= TEXT_INTERVAL_MS) {
    textDrawnAt = now;
    record(frame);
    drawCurves();
    showNumbers(frame);
    syncControls(frame);
    const s = lab.setup ? lab.setup.data : '';
    $('status').textContent = `${s} · iteration ${frame.iteration.toLocaleString('en')} of ${frame.total.toLocaleString('en')} · ${frame.state}${frame.playing ? ` · ${lab.fps.toFixed(1)} frames/s` : ''}`;
  }
}

// ---- controls ----

$('play').addEventListener('click', () => command({ command: lab.last && lab.last.playing ? 'pause' : 'play' }));
for (const id of ['step-d', 'step-g', 'step', 'reset']) $(id).addEventListener('click', () => command({ command: id }));
for (const key of ['data', 'objective', 'prior']) $(key).addEventListener('change', e => command({ command: 'settings', settings: { [key]: e.target.value } }));
for (const key of ['k', 'batch_size']) $(key).addEventListener('change', e => command({ command: 'settings', settings: { [key]: parseInt(e.target.value, 10) } }));
for (const key of ['lr_d', 'lr_g']) $(key).addEventListener('change', e => command({ command: 'settings', settings: { [key]: parseFloat(e.target.value) } }));
$('settings').addEventListener('submit', e => e.preventDefault());
$('speed').addEventListener('input', e => {
  const speed = SPEEDS[+e.target.value];
  $('speed-text').textContent = speed ? speed + '/s' : 'max';
  command({ command: 'speed', speed });
});
for (const id of ['show-real', 'show-fake', 'show-arrows', 'show-manifold', 'show-dstar']) $(id).addEventListener('change', draw);
$('save-png').addEventListener('click', () => {
  // The plane and its colour scale in one picture.
  const out = document.createElement('canvas'), scale = $('scale');
  out.width = view.width; out.height = view.height + scale.height;
  const c = out.getContext('2d');
  c.fillStyle = '#fff'; c.fillRect(0, 0, out.width, out.height);
  c.drawImage(view, 0, 0); c.drawImage(scale, 0, view.height);
  const link = document.createElement('a');
  link.download = `gansharp-lab-${lab.last ? lab.last.iteration : 0}.png`;
  link.href = out.toDataURL('image/png');
  link.click();
});

window.addEventListener('error', e => lab.errors.push(String(e.message)));
const events = new EventSource('events');
events.onmessage = e => onFrame(decode(JSON.parse(e.data), FRAME_ARRAYS));
events.onerror = () => { $('status').textContent = 'disconnected: the lab has stopped (or is restarting)'; };
loadSetup();
