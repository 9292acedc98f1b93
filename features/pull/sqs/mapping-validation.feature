@source:sqs @pull
Feature: CreateEventSourceMapping checks an SQS mapping's settings
  A standard queue allows batch sizes from 1 to 10,000, but above 10 only with a batching window of at
  least 1 second. The function's timeout must not exceed the queue's visibility timeout: Lambda
  refuses the mapping otherwise. (The wording of that refusal is not documented and no recording of it
  was found, so the scenario checks the refusal and its error type only; the reference engine answers
  "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds".)

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
  A second mapping of the same queue to the same function is refused with 409 ResourceConflictException;
  the wording is recorded on AWS (localstack/localstack at 8b9a79f0,
  tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_sqs.snapshot.json,
  TestSQSEventSourceMapping::test_duplicate_event_source_mappings, recorded 2025-11-25).

  @aws-documented @needs:source:sqs
  Scenario Outline: A batch size of <size> with a window of <window> seconds is <verdict>
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    When the function is mapped to "orders" with a batch size of <size> and a batching window of <window> seconds
    Then the mapping is <verdict>

    Examples:
      | size  | window | verdict                                       |
      | 11    | 0      | rejected with InvalidParameterValueException  |
      | 0     | 0      | rejected with InvalidParameterValueException  |
      | 10001 | 5      | rejected with InvalidParameterValueException  |
      | 10    | 301    | rejected with InvalidParameterValueException  |

  @aws-documented @needs:source:sqs
  Scenario: A function timeout above the visibility timeout is refused
    Given a function with a timeout of 60 seconds that runs for 1 second
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    When the function is mapped to "orders"
    Then the mapping is rejected with InvalidParameterValueException

  @aws-observed @needs:source:sqs
  Scenario: A second mapping of the same queue to the same function is refused
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the function is mapped to "orders"
    Then the mapping is rejected with ResourceConflictException saying "already exists. Please update or delete the existing mapping with UUID"
