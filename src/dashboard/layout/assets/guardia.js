/* guardia dashboard script: draws the uPlot charts whose data a page embeds as JSON. */
/* global document, window, uPlot */
(function () {
  'use strict';

  function draw(holder) {
    var source = document.getElementById(holder.getAttribute('data-chart'));
    if (!source || typeof uPlot === 'undefined') return;
    var data = JSON.parse(source.textContent || '{}');
    var width = Math.max(280, holder.clientWidth);
    var series = [{}].concat(data.series.map(function (s, i) {
      return { label: s.label, stroke: ['#2563eb', '#d97706', '#dc2626'][i % 3], width: 1.5, value: function (_u, v) { return v == null ? '–' : v.toFixed(1) + ' ms'; } };
    }));
    var columns = [data.t].concat(data.series.map(function (s) { return s.values; }));
    holder.textContent = '';
    var chart = new uPlot({ width: width, height: 240, series: series, axes: [{}, { label: 'ms' }] }, columns, holder);
    window.addEventListener('resize', function () { chart.setSize({ width: Math.max(280, holder.clientWidth), height: 240 }); });
  }

  function init() {
    var holders = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < holders.length; i++) draw(holders[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
