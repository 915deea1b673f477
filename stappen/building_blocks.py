"""NJi's seven building blocks for an effective approach.

The keys are stable: teams score their approaches against them in the workspace.
"""

from django.utils.translation import gettext_lazy as _

BUILDING_BLOCKS = [
    ("goal_oriented", _("Goal-oriented")),
    ("locally_fitting", _("Fits the local situation")),
    ("coherent", _("Coherent")),
    ("learning", _("Learning")),
    ("evidence_based", _("Evidence-based")),
    ("professionals_equipped", _("Professionals are equipped")),
    ("lasting", _("Lasting")),
]

LEARNING_CYCLE = [
    ("recognise", _("Recognise")),
    ("understand", _("Understand")),
    ("judge", _("Judge")),
    ("act", _("Act")),
]
