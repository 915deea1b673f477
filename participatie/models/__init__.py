from participatie.models.questionnaire import Questionnaire
from participatie.models.response import Response, ResponseAnswer, Review, RunTally
from participatie.models.run import ClassCode, SegmentOption, SurveyRun

__all__ = ["ClassCode", "Questionnaire", "Response", "ResponseAnswer", "Review", "RunTally", "SegmentOption", "SurveyRun"]
