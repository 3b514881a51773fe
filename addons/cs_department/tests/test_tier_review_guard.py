# Copyright 2026 CS Department Suite Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common_budget import CsBudgetCommon
from .common_change_order import GROUP, CsChangeOrderCommon

#: What a review records, compared before and after each attempt.
REVIEW_FIELDS = [
    "model",
    "res_id",
    "status",
    "reviewer_ids",
    "done_by",
    "requested_by",
    "definition_id",
    "sequence",
    "comment",
    "reviewed_date",
]


@tagged("post_install", "-at_install")
class TestTierReviewGuard(CsChangeOrderCommon):
    """Reviews of change orders change only through the tier-validation
    buttons, are never decided by their requester and are visible only to
    whoever can read the order: tried over plain RPC calls as each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="cs_co_portal", name="Portal", groups="base.group_portal"
        )
        cls.definition = cls.env.ref(
            "cs_department.tier_definition_cs_change_order_representative"
        )
        cls.Review = cls.env["tier.review"]

    def _verified_order(self, **vals):
        order = self._create_order(**vals)
        order.action_verify()
        return order

    def _snapshot(self, reviews):
        return [
            {name: review.sudo()[name] for name in REVIEW_FIELDS}
            for review in reviews.sudo()
        ]

    def test_review_fields_not_writable(self):
        """Neither the requester nor a real reviewer writes a review by hand."""
        order = self._verified_order()
        review = order.review_ids
        before = self._snapshot(review)
        forged = [
            {"reviewer_ids": [Command.link(self.rep.id)]},
            {"reviewer_ids": [Command.set([self.rep.id])]},
            {"status": "approved", "done_by": self.rep.id},
            {"status": "cancel"},
            {"status": "waiting"},
            {"model": "res.partner"},
            {"res_id": order.id + 1},
            {"definition_id": False},
            {"sequence": 9},
            {"requested_by": self.rep2.id},
            {"comment": "Fine by me"},
            {"reviewed_date": fields.Datetime.now()},
        ]
        for user in (self.rep, self.rep2, self.supervisor):
            for vals in forged:
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaises(AccessError),
                ):
                    review.with_user(user).write(vals)
        # Nor through the other side of the reviewers (res.users.review_ids),
        # even as an administrator of the access rights.
        admin = new_test_user(
            self.env, login="cs_co_access", groups="base.group_erp_manager"
        )
        for user, vals in (
            (self.rep, {"review_ids": [Command.link(review.id)]}),
            (admin, {"review_ids": [Command.link(review.id)]}),
            (admin, {"review_ids": [Command.set([])]}),
            (admin, {"review_ids": review.ids}),
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.rep2.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self.env["res.users"].with_user(admin).create(
                {
                    "name": "Reviewer by hand",
                    "login": "cs_co_by_hand",
                    "review_ids": [Command.link(review.id)],
                }
            )
        self.assertEqual(self._snapshot(review), before)
        self.assertNotIn(self.rep, review.reviewer_ids)
        with self.assertRaises(UserError):
            order.validate_tier()
        with self.assertRaises(UserError):
            order.action_approve()
        self.assertEqual(order.state, "verified")

    def test_foreign_review_cannot_be_moved_onto_order(self):
        """A review made on another model is neither moved onto an order nor
        replaces its real review."""
        order = self._verified_order()
        real = order.review_ids
        before = self._snapshot(real)
        Review = self.Review.with_user(self.rep)
        # Reviews of other models keep base_tier_validation's behaviour.
        foreign = Review.create(
            {
                "model": "res.partner",
                "res_id": self.customer.id,
                "definition_id": self.definition.id,
                "status": "approved",
                "done_by": self.rep2.id,
            }
        )
        foreign.write({"res_id": order.id})
        for vals in (
            {"model": order._name},
            {"model": order._name, "res_id": order.id},
        ):
            with self.assertRaises(AccessError):
                foreign.write(vals)
        with self.assertRaises(AccessError):
            Review.create(
                {
                    "model": order._name,
                    "res_id": order.id,
                    "definition_id": self.definition.id,
                    "status": "approved",
                }
            )
        with self.assertRaises(AccessError):
            real.with_user(self.rep).unlink()
        with self.assertRaises(AccessError):
            real.with_user(self.rep2).unlink()
        self.assertEqual(foreign.model, "res.partner")
        self.assertEqual(order.review_ids, real)
        self.assertEqual(self._snapshot(real), before)
        with self.assertRaises(UserError):
            order.action_approve()
        self.assertEqual(order.state, "verified")

    def test_reviews_not_changed_through_order(self):
        """The order's review list cannot be edited with x2many commands."""
        order = self._verified_order()
        review = order.review_ids
        for command in (
            Command.delete(review.id),
            Command.unlink(review.id),
            Command.clear(),
        ):
            # The order's own guard refuses first (verified), the review else.
            with self.assertRaises(UserError):
                order.write({"review_ids": [command]})
        self.assertEqual(order.review_ids, review)
        draft = self._create_order()
        with self.assertRaises(AccessError):
            draft.write(
                {
                    "review_ids": [
                        Command.create(
                            {
                                "model": draft._name,
                                "definition_id": self.definition.id,
                                "status": "approved",
                            }
                        )
                    ]
                }
            )
        self.assertFalse(draft.review_ids)

    def test_plain_user_and_portal_see_no_review(self):
        """Users who cannot read change orders neither see nor touch their
        reviews, nor drive their validation."""
        order = self._verified_order()
        review = order.review_ids
        before = self._snapshot(review)
        for user in (self.employee, self.portal):
            Review = self.Review.with_user(user)
            self.assertFalse(Review.search([("model", "=", order._name)]))
            self.assertFalse(Review.search_count([("id", "=", review.id)]))
            with self.assertRaises(AccessError):
                review.with_user(user).read(["status"])
        employee_review = review.with_user(self.employee)
        for vals in ({"status": "cancel"}, {"comment": "Seen"}, {"status": "pending"}):
            with self.assertRaises(AccessError):
                employee_review.write(vals)
        with self.assertRaises(AccessError):
            employee_review.unlink()
        employee_order = order.with_user(self.employee)
        for method in ("restart_validation", "reject_tier", "validate_tier"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(employee_order, method)()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.employee)
            .create(
                {
                    "res_model": order._name,
                    "res_id": order.id,
                    "review_ids": [Command.set(review.ids)],
                    "validate_reject": "reject",
                    "comment": "No",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.add_comment()
        self.assertEqual(self._snapshot(review), before)
        self.assertEqual(
            self.env["res.users"].with_user(self.employee).review_user_count(), []
        )

    def test_reviews_bound_to_company(self):
        """A representative of another company does not see the reviews."""
        other = self.env["res.company"].create({"name": "Other CS Company"})
        foreign_rep = new_test_user(
            self.env,
            login="cs_co_rep_other",
            name="Rep Other Company",
            groups=GROUP % "representative",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        order = self._verified_order()
        Review = self.Review.with_user(foreign_rep)
        self.assertFalse(Review.search([("model", "=", order._name)]))
        with self.assertRaises(AccessError):
            order.review_ids.with_user(foreign_rep).read(["status"])
        with self.assertRaises(AccessError):
            order.with_user(foreign_rep).validate_tier()
        self.assertEqual(order.validation_status, "pending")
        # Those who read the order read its reviews.
        self.assertEqual(
            self.Review.with_user(self.rep2).search(
                [("model", "=", order._name), ("res_id", "=", order.id)]
            ),
            order.review_ids,
        )

    def test_unreadable_reviews_hidden_from_every_query(self):
        """Whoever cannot read the order finds its reviews by no query (search,
        count, grouping, his own list of reviews) and reads none of them by id,
        alone or beside a review he may read; a reviewer of the order does."""
        other = self.env["res.company"].create({"name": "Other CS Company"})
        foreign_rep = new_test_user(
            self.env,
            login="cs_co_rep_other",
            name="Rep Other Company",
            groups=GROUP % "representative",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        order = self._verified_order()
        review = order.review_ids
        # A reviewer by his group, though the order is not of his company.
        self.assertIn(foreign_rep, review.sudo().reviewer_ids)
        partner_review = self.Review.create(
            {
                "model": "res.partner",
                "res_id": self.customer.id,
                "definition_id": self.definition.id,
                "status": "approved",
            }
        )
        domain = [("model", "=", order._name), ("res_id", "=", order.id)]
        for user in (self.employee, foreign_rep):
            with self.subTest(user=user.login):
                Review = self.Review.with_user(user)
                self.assertFalse(Review.search(domain))
                self.assertEqual(Review.search_count(domain), 0)
                self.assertFalse(Review.search_read(domain, ["status"]))
                self.assertFalse(Review._read_group(domain, ["model"], ["__count"]))
                self.assertNotIn(review, user.with_user(user).review_ids)
                self.assertFalse(review.with_user(user).has_access("read"))
                both = (review | partner_review).with_user(user)
                self.assertEqual(both._filtered_access("read"), partner_review)
                with self.assertRaises(AccessError):
                    both.read(["status"])
                with self.assertRaises(AccessError):
                    review.with_user(user).read(["display_name"])
                self.assertEqual(
                    partner_review.with_user(user).read(["res_id"])[0]["res_id"],
                    self.customer.id,
                )
        Review = self.Review.with_user(self.rep2)
        self.assertEqual(Review.search(domain), review)
        self.assertEqual(Review.search_count(domain), 1)
        self.assertEqual(
            Review._read_group(domain, ["model"], ["__count"]), [(order._name, 1)]
        )
        self.assertIn(review, self.rep2.with_user(self.rep2).review_ids)
        self.assertEqual(
            review.with_user(self.rep2).read(["status"])[0]["status"], "pending"
        )

    def test_requester_never_reviews(self):
        """Whatever the definition says, the requester and the verifier of an
        order do not review it, even after a colleague restarted it."""
        self.definition.exclude_requester = False
        order = self._verified_order()
        self.assertNotIn(self.rep, order.review_ids.reviewer_ids)
        with self.assertRaisesRegex(UserError, "another reviewer"):
            order.validate_tier()
        with self.assertRaisesRegex(UserError, "another reviewer"):
            order.reject_tier()
        # A colleague restarts and requests again: he is now the requester,
        # the representative who verified the order still cannot review it.
        colleague_order = order.with_user(self.rep2)
        colleague_order.restart_validation()
        colleague_order.request_validation()
        self.assertEqual(order.review_ids.requested_by, self.rep2)
        self.assertFalse(
            (self.rep | self.rep2) & order.review_ids.reviewer_ids,
        )
        for user in (self.rep, self.rep2):
            with self.assertRaises(UserError):
                order.with_user(user).validate_tier()
        self.assertEqual(order.validation_status, "pending")
        order.with_user(self.supervisor).validate_tier()
        self.assertEqual(order.review_ids.done_by, self.supervisor)
        self.assertEqual(order.state, "approved")

    def test_context_keys_open_nothing(self):
        """A client's context keys do not put reviews on a draft (still
        editable) or leave them waiting unseen."""
        draft = self._create_order()
        draft.with_context(skip_check_state_condition=True).request_validation()
        self.assertFalse(draft.review_ids)
        order = self._create_order()
        order.with_context(
            tier_validation_defer_compute_can_review=True
        ).action_verify()
        self.assertEqual(order.review_ids.status, "pending")
        self.assertTrue(order.with_user(self.rep2).can_review)

    def _comment_wizard(self, action, user, comment):
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard.comment = comment
        return wizard.save()

    def test_comment_wizard_for_reviewers_only(self):
        """Reviewers validate and reject with a comment; the wizard opened by
        hand does not let anybody else decide or comment."""
        self.definition.has_comment = True
        order = self._verified_order()
        action = order.with_user(self.rep2).validate_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        review = order.review_ids
        # The requester (or a colleague of another tier) forging the wizard.
        for user, decision in ((self.rep, "validate"), (self.supervisor, "reject")):
            forged = (
                self.env["comment.wizard"]
                .with_user(user)
                .create(
                    {
                        "res_model": order._name,
                        "res_id": order.id,
                        "review_ids": [Command.set(review.ids)],
                        "validate_reject": decision,
                        "comment": "Forged",
                    }
                )
            )
            if user == self.supervisor:
                # The supervisor may review, but not with another's review.
                other = self._verified_order()
                forged.res_id = other.id
            with self.assertRaises(UserError):
                forged.add_comment()
        # Through another model, the review itself refuses the comment.
        by_partner = (
            self.env["comment.wizard"]
            .with_user(self.rep)
            .create(
                {
                    "res_model": "res.partner",
                    "res_id": self.customer.id,
                    "review_ids": [Command.set(review.ids)],
                    "validate_reject": "validate",
                    "comment": "Forged",
                }
            )
        )
        with self.assertRaises(AccessError):
            by_partner.add_comment()
        self.assertEqual(review.status, "pending")
        self.assertFalse(review.comment)
        self._comment_wizard(
            action, self.rep2, "Checked with the customer"
        ).add_comment()
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.comment, "Checked with the customer")
        self.assertEqual(review.done_by, self.rep2)
        self.assertEqual(order.state, "approved")
        rejected = self._verified_order()
        action = rejected.with_user(self.rep2).reject_tier()
        self._comment_wizard(action, self.rep2, "Wrong customer").add_comment()
        self.assertEqual(rejected.review_ids.status, "rejected")
        self.assertEqual(rejected.review_ids.comment, "Wrong customer")
        self.assertEqual(rejected.validation_status, "rejected")

    def test_legitimate_review_flows(self):
        """Reviewers see their pending reviews; resetting, cancelling and
        deleting orders still handle their reviews."""

        def pending(user):
            counts = self.env["res.users"].with_user(user).review_user_count()
            return sum(
                count["pending_count"]
                for count in counts
                if count["model"] == "cs.change.order"
            )

        before = {user: pending(user) for user in (self.rep, self.rep2)}
        order = self._verified_order()
        self.assertEqual(pending(self.rep2), before[self.rep2] + 1)
        self.assertEqual(pending(self.rep), before[self.rep])
        order.with_user(self.rep2).reject_tier()
        self.assertEqual(order.review_ids.done_by, self.rep2)
        order.action_reject(reason="Rejected by a colleague")
        order.action_draft()
        self.assertFalse(order.review_ids)
        cancelled = self._verified_order()
        reviews = cancelled.review_ids
        cancelled.action_cancel(reason="Duplicate")
        self.assertFalse(reviews.exists(), "Base drops the reviews on cancel")
        cancelled.with_user(self.supervisor).unlink()
        self.assertFalse(cancelled.exists())

    def test_other_models_keep_base_behaviour(self):
        """Reviews of models outside the suite stay as base_tier_validation
        has them: any internal user may create, edit and delete them."""
        Review = self.Review.with_user(self.employee)
        review = Review.create(
            {
                "model": "res.partner",
                "res_id": self.customer.id,
                "definition_id": self.definition.id,
            }
        )
        review.write({"comment": "Plain base behaviour"})
        self.assertEqual(review.comment, "Plain base behaviour")
        self.assertIn(review, Review.search([("model", "=", "res.partner")]))
        review.unlink()
        self.assertFalse(review.exists())


@tagged("post_install", "-at_install")
class TestTierReviewGuardExpense(CsBudgetCommon):
    """Reviews of expense requests are visible only to whoever can read the
    request (its requester, the manager of its department, finance), though
    every representative and manager may read some expense requests."""

    def test_reviews_follow_request_rules(self):
        """Another representative and the manager of another department
        neither find nor read the reviews of the request; its reviewer, its
        requester and finance do."""
        request = self._request(self.line_equipment, 1000).sudo()
        reviews = request.review_ids
        self.assertEqual(reviews.mapped("status"), ["pending"])
        domain = [("model", "=", request._name), ("res_id", "=", request.id)]
        Review = self.env["tier.review"]
        for user in (self.requester_other, self.manager_other):
            with self.subTest(user=user.login):
                self.assertTrue(request.with_user(user).browse().has_access("read"))
                self.assertFalse(request.with_user(user).has_access("read"))
                self.assertFalse(Review.with_user(user).search(domain))
                self.assertFalse(reviews.with_user(user).has_access("read"))
                with self.assertRaises(AccessError):
                    reviews.with_user(user).read(["status"])
        for user in (self.manager, self.requester, self.finance):
            with self.subTest(user=user.login):
                self.assertEqual(Review.with_user(user).search(domain), reviews)
                self.assertEqual(
                    reviews.with_user(user).read(["status"]),
                    [{"id": reviews.id, "status": "pending"}],
                )
        self.assertIn(reviews, self.manager.with_user(self.manager).review_ids)
