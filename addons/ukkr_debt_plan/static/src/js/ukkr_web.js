odoo.define('ukkr_debt_plan.web', function (require) {
"use strict";
/**
 * The web client as the suite's users read it (issue 17).
 *
 * Error dialogs: Odoo 11 titles every error with the server's English «Odoo Server Error» (the JSON-RPC error's
 * message) — a business refusal (UserError, ValidationError, AccessError) read «Odoo Server Error - Предупреждение».
 * A refusal is titled by its kind alone («Предупреждение», «Ошибка доступа» …); a real server error keeps its
 * title, in the user's language.
 *
 * The graph view:
 * - the bar chart's «Grouped» / «Stacked» switch is drawn by nvd3 with English labels of its own: they are given
 *   the web client's translations;
 * - counts and whole-number measures are shown as whole numbers on the value axis (Odoo 11 prints «3,00»);
 * - the axes get room: the value axis for «1 977 688,80», the category axis's names on two alternating rows.
 */
var core = require('web.core');
var CrashManager = require('web.CrashManager');
var field_utils = require('web.field_utils');
var GraphRenderer = require('web.GraphRenderer');

var _t = core._t;

CrashManager.include({
    show_warning: function (error) {
        if (error && error.message === "Odoo Server Error" && error.data) {
            var kind = (error.data.title || '').replace(/^\s*-\s*/, '') || _t("Warning");
            error = _.extend({}, error, {message: kind, data: _.extend({}, error.data, {title: ''})});
        }
        return this._super(error);
    },
    show_error: function (error) {
        if (error && error.message === "Odoo Server Error") {
            error = _.extend({}, error, {message: _t("Odoo Server Error")});
        }
        return this._super(error);
    },
});

GraphRenderer.include({
    /**
     * @private
     * @returns {boolean} whether the measure counts things (records or an integer field)
     */
    _ukkrWholeMeasure: function () {
        var measure = this.state.measure;
        var field = this.state.fields[measure];
        return measure === '__count__' || (field && field.type === 'integer');
    },
    /**
     * @private
     * @param {Object} chart an nvd3 chart already drawn
     */
    _ukkrAdjust: function (chart) {
        if (!chart) {
            return chart;
        }
        if (chart.controlLabels) {
            chart.controlLabels({grouped: _t("Grouped"), stacked: _t("Stacked")});
        }
        if (chart.margin) {   // room for the value axis's amounts («1 977 688,80») and the names under the bars
            chart.margin({top: 90, right: 20, bottom: 70, left: 110});
        }
        if (chart.staggerLabels) {   // names on two alternating rows, level: none is cut at the chart's edge
            chart.rotateLabels(0);
            chart.staggerLabels(true);
        }
        if (this._ukkrWholeMeasure() && chart.yAxis) {
            chart.yAxis.tickFormat(function (d) {
                return Math.round(d) === d ? field_utils.format.integer(d) : '';
            });
        }
        if (chart.update) {
            chart.update();
        }
        return chart;
    },
    _renderBarChart: function () {
        return this._ukkrAdjust(this._super.apply(this, arguments));
    },
    _renderLineChart: function () {
        return this._ukkrAdjust(this._super.apply(this, arguments));
    },
});

});
