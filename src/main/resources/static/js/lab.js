// Draws the /lab charts with uPlot from the data the server put on #lab-charts.
// A separate file, not an inline script, so a Content-Security-Policy can forbid inline code.
(function () {
  'use strict';

  var COLORS = ['#c0392b', '#1e7b4a', '#2563eb', '#b7791f', '#7c3aed', '#0e7490', '#be185d', '#4b5563'];

  // The width of the chart's box, so a phone gets a phone-sized chart.
  function widthFor(element) {
    return Math.max(240, Math.min(element.parentElement.clientWidth || 640, 720));
  }

  function draw(element, title, sizes, series, metric) {
    var names = Object.keys(series);
    var data = [sizes].concat(names.map(function (name) { return series[name][metric]; }));
    var options = {
      width: widthFor(element),
      height: 300,
      scales: {
        // A log axis rounds its ends out to powers of ten (N = 200 would end at 1,000): the
        // axis spans the sizes that ran, and its ticks are those sizes.
        x: { time: false, distr: 3, range: function () {
          var lo = sizes[0], hi = sizes[sizes.length - 1];
          return lo < hi ? [lo, hi] : [lo / 2, hi * 2];
        } },
        y: { distr: 3 }
      },
      axes: [
        { label: 'N (rows on the page)', splits: function () { return sizes; },
          values: function (u, splits) { return splits.map(String); } },
        { label: title, size: 60 }
      ],
      series: [{ label: 'N' }].concat(names.map(function (name, index) {
        return {
          label: name,
          stroke: COLORS[index % COLORS.length],
          width: 2,
          points: { show: true, size: 6 },
          spanGaps: false
        };
      }))
    };
    return new uPlot(options, data, element);
  }

  function init() {
    var holder = document.getElementById('lab-charts');
    if (!holder || typeof uPlot === 'undefined') {
      return;
    }
    var chart = JSON.parse(holder.getAttribute('data-chart'));
    var plots = [
      draw(document.getElementById('chart-statements'), 'statements', chart.sizes, chart.series, 'statements'),
      draw(document.getElementById('chart-ms'), 'ms', chart.sizes, chart.series, 'ms')
    ];
    // Kept on the holder, where a test can read the axes the charts ended up with.
    holder.labPlots = plots;
    // Turning a phone or resizing the window redraws the charts at the new width.
    window.addEventListener('resize', function () {
      plots.forEach(function (plot) {
        plot.setSize({ width: widthFor(plot.root.parentElement), height: 300 });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
