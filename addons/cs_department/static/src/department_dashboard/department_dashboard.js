/** @odoo-module **/
// Copyright 2026 CS Department Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

// The department's dashboard: the headline figures of a month, quarter or
// year next to the previous period's, each card opening the records behind
// its figure. The figures are cs.department.dashboard's (one call).
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {formatFloat, formatInteger} from "@web/views/fields/formatters";
import {Layout} from "@web/search/layout";
import {useSetupAction} from "@web/search/action_hook";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {Component, onWillStart, useState} from "@odoo/owl";

const {DateTime} = luxon;

export class CsDepartmentDashboard extends Component {
    static template = "cs_department.DepartmentDashboard";
    static components = {Layout};
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        const restored = this.props.state || {};
        this.state = useState({
            periodType: restored.periodType || "month",
            dateFrom: restored.dateFrom || false,
            data: null,
            loading: false,
        });
        this.display = {controlPanel: {}};
        this.periodTypes = [
            ["month", _t("Month")],
            ["quarter", _t("Quarter")],
            ["year", _t("Year")],
        ];
        this.sections = [
            ["service", _t("Service")],
            ["lead_time", _t("Lead times")],
            ["reports", _t("Reports")],
        ];
        useSetupAction({
            getLocalState: () => ({
                periodType: this.state.periodType,
                dateFrom: this.state.data && this.state.data.period.date_from,
            }),
        });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.loading = true;
        try {
            this.state.data = await this.orm.call(
                "cs.department.dashboard",
                "cs_dashboard_data",
                [this.state.periodType, this.state.dateFrom || false]
            );
        } finally {
            this.state.loading = false;
        }
    }

    setPeriodType(periodType) {
        this.state.periodType = periodType;
        this.state.dateFrom = false;
        return this.load();
    }

    /** Move to the previous (-1) or the next (+1) period. */
    move(step) {
        const period = this.state.data.period;
        const day =
            step < 0
                ? DateTime.fromISO(period.date_from).minus({days: 1})
                : DateTime.fromISO(period.date_to).plus({days: 1});
        this.state.dateFrom = day.toISODate();
        return this.load();
    }

    figuresOf(section) {
        return this.state.data.figures.filter((figure) => figure.section === section);
    }

    format(figure, value) {
        if (value === null || value === undefined || value === false) {
            return "—";
        }
        switch (figure.kind) {
            case "count":
                return formatInteger(value);
            case "percent":
                return `${formatFloat(value * 100, {digits: [false, 1]})} %`;
            case "hours":
                return _t("%(hours)s h", {
                    hours: formatFloat(value, {digits: [false, 1]}),
                });
            default:
                return formatFloat(value, {digits: [false, 1]});
        }
    }

    /** ``{text, icon, tone}`` of the change from the previous period. */
    delta(figure) {
        const {value, previous} = figure;
        if (value === null || previous === null) {
            return {text: _t("No comparison"), icon: "", tone: "text-muted"};
        }
        const change = value - previous;
        if (Math.abs(change) < 1e-9) {
            return {text: _t("No change"), icon: "fa-minus", tone: "text-muted"};
        }
        const sign = change > 0 ? "+" : "−";
        const size = Math.abs(change);
        let text = "";
        if (figure.kind === "percent") {
            text = _t("%(change)s pts", {
                change: `${sign}${formatFloat(size * 100, {digits: [false, 1]})}`,
            });
        } else if (figure.kind === "count") {
            text = `${sign}${formatInteger(size)}`;
        } else {
            text = `${sign}${this.format(figure, size)}`;
        }
        const better = change > 0 === figure.higher_is_better;
        return {
            text,
            icon: change > 0 ? "fa-arrow-up" : "fa-arrow-down",
            tone: better ? "text-success" : "text-danger",
        };
    }

    deltaTitle(figure) {
        return figure.higher_is_better ? _t("Higher is better") : _t("Lower is better");
    }

    open(action) {
        return this.actionService.doAction(action);
    }
}

registry.category("actions").add("cs_department_dashboard", CsDepartmentDashboard);
