/*
 * Closeout's charts: draws every element with a data-chart attribute with Apache ECharts (loaded before this
 * file), from the JSON the server wrote there: {kind: "line" | "bar" | "hbar", categories: [...],
 * series: [{name, tone, values: [...]}]}. Every number comes from the server; nothing is counted here. Each
 * chart has its numbers in a table beneath it, and each colour a name in the legend.
 */
(function () {
  'use strict';

  // status colours of closeout.css; the legend and the table name each series
  var TONES = {open: '#0a55b8', overdue: '#a40e26', closed: '#1a7f37', created: '#8a6d00'};

  function option(data) {
    var sideways = data.kind === 'hbar';
    var categoryAxis = {type: 'category', data: data.categories, axisLabel: {hideOverlap: true}};
    var valueAxis = {type: 'value', minInterval: 1};
    return {
      animation: false,
      color: data.series.map(function (series) { return TONES[series.tone] || '#57606a'; }),
      textStyle: {fontFamily: 'system-ui, sans-serif'},
      legend: {top: 0},
      // ECharts' own tooltip writes style attributes, which the CSP refuses (its layout falls apart): this one
      // is plain elements styled by closeout.css
      tooltip: {trigger: 'axis', className: 'chart-tip', formatter: tip(data)},
      grid: {left: 8, right: 16, top: 32, bottom: 8, containLabel: true},
      xAxis: sideways ? valueAxis : categoryAxis,
      yAxis: sideways ? Object.assign({}, categoryAxis, {inverse: true}) : valueAxis,
      series: data.series.map(function (series) {
        return {name: series.name, type: data.kind === 'line' ? 'line' : 'bar', data: series.values,
          symbolSize: 6};
      })
    };
  }

  function escaped(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  /** The tooltip of the category pointed at: its name, then each series' name and number, marked in its tone. */
  function tip(data) {
    return function (points) {
      var lines = points.map(function (point) {
        var tone = data.series[point.seriesIndex].tone;
        return '<div class="tip-' + escaped(tone) + '">' + escaped(point.seriesName) + ': ' + escaped(point.value)
          + '</div>';
      });
      return '<div>' + escaped(points[0].axisValueLabel) + '</div>' + lines.join('');
    };
  }

  function draw(element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    var needed = 56 + 28 * data.categories.length;
    if (data.kind === 'hbar' && needed > element.clientHeight) {
      // a bar per team: taller than the stylesheet's height when the teams need it (through the CSSOM, which
      // the CSP allows)
      element.style.height = needed + 'px';
    }
    // canvas: ECharts' SVG renderer writes style attributes, which the pages' CSP (style-src 'self') refuses
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption(option(data));
    // the container's width follows the page's (a phone turned, a window resized)
    new ResizeObserver(function () { chart.resize(); }).observe(element);
  }

  document.querySelectorAll('[data-chart]').forEach(draw);
}());
