@source:sqs @pull
Feature: A mapping takes at most 5 filters, each a valid pattern
  Lambda refuses a mapping with more than 5 filters (the default quota) or with a pattern that is not a
  valid EventBridge pattern.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html

  @aws-documented @needs:source:sqs @needs:filtering
  Scenario: More than 5 filters are refused
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    When the function is mapped to "orders" with 6 filters
    Then the mapping is rejected with InvalidParameterValueException

  @aws-documented @needs:source:sqs @needs:filtering
  Scenario: A pattern that is not valid JSON is refused
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    When the function is mapped to "orders" with the filter:
      """
      {"body": 
      """
    Then the mapping is rejected with InvalidParameterValueException saying "Invalid filter pattern definition"
