@source:sqs @pull
Feature: CreateEventSourceMapping checks an SQS mapping's settings
  A standard queue allows batch sizes from 1 to 10,000, but above 10 only with a batching window of at
  least 1 second. The function's timeout must not exceed the queue's visibility timeout: Lambda
  refuses the mapping otherwise. (The wording of that refusal is not documented and no recording of it
  was found, so the scenario checks the refusal and its error type only; the reference engine answers
  "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds".)

  Which error answers an out-of-range value: a value outside the range or enum that the API reference
  gives a parameter is a model constraint, answered with ValidationException and "1 validation error
  detected", as AWS answers it in the recordings we found (a numeric alias name, a provisioned
  concurrency of 0, an unknown starting position: localstack/localstack at 8b9a79f0,
  tests/aws/services/lambda_/test_lambda_api.snapshot.json, TestLambdaAlias::test_alias_naming,
  TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions,
  TestLambdaEventSourceMappings::test_create_event_source_validation_kinesis, recorded 2025-11-25).
  Checks that Lambda makes inside those ranges answer InvalidParameterValueException. No recording
  covers the exact parameters below, so the error type is an inference and a setting of the reference
  engine (ModelConstraintErrorType).

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
      | 11    | 1      | accepted                                      |
      | 10000 | 300    | accepted                                      |
      | 0     | 0      | rejected with ValidationException             |
      | 10001 | 5      | rejected with ValidationException             |
      | 10    | 301    | rejected with ValidationException             |

  @aws-documented @needs:source:sqs
  Scenario Outline: A maximum concurrency of <value> is <verdict>
    ScalingConfig.MaximumConcurrency caps the concurrent invocations of an SQS mapping, from 2 to 1,000.
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    When the function is mapped to "orders" with MaximumConcurrency set to <value>
    Then the mapping is <verdict>

    Examples:
      | value | verdict                           |
      | 2     | accepted                          |
      | 1000  | accepted                          |
      | 1     | rejected with ValidationException |
      | 1001  | rejected with ValidationException |

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
