# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError


class CsComputedFigureMixin(models.AbstractModel):
    """Computed figures are written by their computation only.

    Every model of the suite inherits this mixin: a field computed without
    an inverse (related fields included) and not declared ``readonly=False``
    is refused in ``create`` and ``write`` unless the caller runs as
    superuser, whatever the context. The ORM's own computations do not go
    through ``write``, so they are not affected.
    """

    _name = "cs.computed.figure.mixin"
    _description = "Computed Figures Written by Their Computation Only"

    @api.model
    def _cs_computed_figures(self):
        """Names of the fields no client may write."""
        return {
            name
            for name, field in self._fields.items()
            if field.compute and field.readonly and not field.inverse
        }

    @api.model
    def _cs_check_computed_figures(self, fnames):
        if self.env.su:
            return
        forged = set(fnames) & self._cs_computed_figures()
        if forged:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s are computed and cannot be written.",
                    fields=", ".join(
                        sorted(
                            self._fields[name].get_description(self.env)["string"]
                            for name in forged
                        )
                    ),
                    model=self._description,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_check_computed_figures(vals)
        if not self.env.su:
            # A client's default_<figure> context keys would reach create as
            # values: drop them, the figures are computed.
            figures = self._cs_computed_figures()
            context = {
                key: value
                for key, value in self.env.context.items()
                if not (key.startswith("default_") and key[8:] in figures)
            }
            if len(context) < len(self.env.context):
                # Replacing the context is the point: it drops keys.
                # pylint: disable-next=context-overridden
                self = self.with_context(context)  # noqa: PLW0642
        return super().create(vals_list)

    def write(self, vals):
        self._cs_check_computed_figures(vals)
        return super().write(vals)
