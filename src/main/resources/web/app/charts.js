// Charts with Apache ECharts, only the parts used (tree-shaken by the bundler); each is disposed with its view.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent,
  VisualMapComponent, DataZoomComponent, CanvasRenderer]);

const live = new Set();
const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

function chart(option, label, onClick, height) {
  const element = document.createElement('div');
  element.className = 'plot';
  if (height) element.style.height = `${height}px`;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  requestAnimationFrame(() => {
    if (!element.isConnected) return;
    const instance = echarts.init(element);
    instance.setOption({ animation: !reduceMotion, ...option });
    if (onClick) instance.on('click', onClick);
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    live.add({ instance, resize });
  });
  return element;
}

export function disposeCharts() {
  live.forEach(({ instance, resize }) => {
    resize.disconnect();
    instance.dispose();
  });
  live.clear();
}

// Tooltips are HTML: what records hold is escaped before it reaches one.
const escape = text => String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/** Visits at their first day, one row each; a click opens the visit. */
export function timeline(visits) {
  const dated = visits.filter(v => v.startDate);
  return chart({
    tooltip: { formatter: p => `${escape(dated[p.dataIndex].title)}<br>${escape(dated[p.dataIndex].startDate)}` },
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'time', minInterval: 24 * 3600 * 1000 },
    yAxis: { type: 'category', inverse: true, data: dated.map(v => `${v.visitingCountry.name} → ${v.hostCountry.name}`),
      axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{ type: 'scatter', symbolSize: 12, data: dated.map((v, i) => [v.startDate, i]) }],
  }, `Timeline of ${dated.length} visits`, p => { location.hash = `#/visit/${encodeURIComponent(dated[p.dataIndex].id)}`; },
  Math.min(340, 80 + 22 * dated.length));
}

/** Country pairs as a matrix: the most active countries, visitors per row, hosts per column, visits in the cells. */
export function pairMatrix(pairs, size = 12, onPick) {
  const countries = new Map(pairs.flatMap(p => [[p.one.name, p.one], [p.other.name, p.other]]));
  const activity = new Map();
  pairs.forEach(p => [p.one.name, p.other.name].forEach(n => activity.set(n, (activity.get(n) || 0) + p.visits)));
  const names = [...activity.keys()].sort((a, b) => activity.get(b) - activity.get(a) || a.localeCompare(b)).slice(0, size);
  const cells = pairs.flatMap(p => [[p.other.name, p.one.name, p.oneVisitedOther], [p.one.name, p.other.name, p.otherVisitedOne]])
    .filter(([host, visitor, visits]) => visits > 0 && names.includes(host) && names.includes(visitor))
    .map(([host, visitor, visits]) => [names.indexOf(host), names.indexOf(visitor), visits]);
  const max = Math.max(1, ...cells.map(c => c[2]));
  return chart({
    tooltip: { formatter: p => `${escape(names[p.value[1]])} visited ${escape(names[p.value[0]])}: ${p.value[2]}` },
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: names, name: 'host', splitArea: { show: true }, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'category', data: names, name: 'visitor', splitArea: { show: true }, axisLabel: { interval: 0 } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [{ type: 'heatmap', data: cells, label: { show: true } }],
  }, `Visits between the ${names.length} most active countries`,
  onPick && (p => onPick(countries.get(names[p.value[1]]), countries.get(names[p.value[0]]))));
}

/** Per topic, visits per period: one line each. */
export function trendLines(trends) {
  const starts = [...new Set(trends.flatMap(t => t.periods.map(p => p.start)))].sort();
  return chart({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: starts },
    yAxis: { type: 'value', minInterval: 1 },
    series: trends.map(t => ({
      type: 'line', name: t.topic.label,
      data: starts.map(start => t.periods.find(p => p.start === start)?.visits ?? 0),
    })),
  }, `Topics discussed per period, ${trends.length} topics`);
}

/** A country's visits made and hosted, awards conferred and received, per period (with one counterpart or all). */
export function cooperationBars(periods, country = '') {
  const series = [['visitsMade', 'Visits made'], ['visitsHosted', 'Visits hosted'], ['awardsConferred', 'Awards conferred'],
    ['awardsReceived', 'Awards received']];
  return chart({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: periods.map(p => p.start) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(([key, name]) => ({ type: 'bar', name, data: periods.map(p => p[key]) })),
  }, `Cooperation${country ? ` of ${country}` : ''} per period`);
}
