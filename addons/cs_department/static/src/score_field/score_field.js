/** @odoo-module **/
// Copyright 2026 CS Department Suite Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

// A score that nobody has given yet is stored as 0 (Odoo has no empty
// integer): this widget shows it empty, "Not scored yet" (or the field's
// placeholder), until the boolean field named by the `scored_field` option
// says it was given; without that option, 0 itself means "not scored".
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useBus} from "@web/core/utils/hooks";
import {IntegerField, integerField} from "@web/views/fields/integer/integer_field";
import {parseInteger} from "@web/views/fields/parsers";
import {useRef} from "@odoo/owl";

export class CsScoreField extends IntegerField {
    static template = "cs_department.CsScoreField";
    static props = {
        ...IntegerField.props,
        scoredField: {type: String, optional: true},
    };

    setup() {
        // Before the input hook of IntegerField: it drops a typed value equal
        // to the stored one, and an unscored report already holds 0, so a
        // score of 0 typed on it is sent here.
        this.scoreInput = useRef("numpadDecimal");
        useBus(this.props.record.model.bus, "NEED_LOCAL_CHANGES", (ev) =>
            ev.detail.proms.push(this.commitZero())
        );
        super.setup();
    }

    get isUnscored() {
        const scoredField = this.props.scoredField;
        return !(scoredField && this.props.record.data[scoredField]) && !this.value;
    }

    get unscoredLabel() {
        return this.props.placeholder;
    }

    get formattedValue() {
        return this.isUnscored ? "" : super.formattedValue;
    }

    async commitZero() {
        const input = this.scoreInput.el;
        if (!input || !input.value.trim() || !this.isUnscored) {
            return;
        }
        let score = null;
        try {
            score = parseInteger(input.value);
        } catch {
            return;
        }
        if (score === 0) {
            await this.props.record.update({[this.props.name]: 0});
        }
    }

    onScoreKeydown(ev) {
        if (["Enter", "Tab"].includes(ev.key)) {
            this.commitZero();
        }
    }
}

export const csScoreField = {
    ...integerField,
    component: CsScoreField,
    extractProps(fieldInfo, dynamicInfo) {
        return {
            ...integerField.extractProps(fieldInfo, dynamicInfo),
            placeholder: fieldInfo.attrs.placeholder || _t("Not scored yet"),
            scoredField: fieldInfo.options.scored_field,
        };
    },
};

registry.category("fields").add("cs_score", csScoreField);
