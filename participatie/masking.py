"""Open answers never keep an e-mail address or phone number, even when a respondent types one."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# Dutch and international numbers written with spaces, dots, dashes or brackets: at least 8 digits.
PHONE = re.compile(r"(?<!\w)(\+|00)?\d(?:[\s().-]*\d){7,14}(?!\w)")
EMAIL_MASK = "[e-mail]"
PHONE_MASK = "[telefoon]"


def mask_contact_details(text: str) -> str:
    return PHONE.sub(PHONE_MASK, EMAIL.sub(EMAIL_MASK, text))
