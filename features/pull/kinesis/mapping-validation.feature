@source:kinesis @pull
Feature: CreateEventSourceMapping checks a stream mapping's settings
  Stream mappings take a batch size from 1 to 10,000, a ParallelizationFactor from 1 to 10,
  MaximumRetryAttempts from -1 (until the records expire) to 10,000, MaximumRecordAgeInSeconds of -1
  or from 60 to 604,800, and a TumblingWindowInSeconds up to 900. ScalingConfig is for SQS only, and
  ReportBatchItemFailures is the only function response type.

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
  - https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html

  @aws-documented @needs:source:kinesis
  Scenario Outline: <setting> <value> is <verdict>
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    When the function is mapped to "readings" with <setting> set to <value>
    Then the mapping is <verdict>

    Examples: out of range
      | setting                   | value  | verdict                                      |
      | BatchSize                 | 10001  | rejected with ValidationException            |
      | ParallelizationFactor     | 11     | rejected with ValidationException            |
      | ParallelizationFactor     | 0      | rejected with ValidationException            |
      | MaximumRetryAttempts      | -2     | rejected with ValidationException            |
      | MaximumRetryAttempts      | 10001  | rejected with ValidationException            |
      | MaximumRecordAgeInSeconds | 604801 | rejected with ValidationException            |
      | TumblingWindowInSeconds   | 901    | rejected with ValidationException            |

    Examples: inside the range, refused by Lambda
      | setting                   | value  | verdict                                      |
      | MaximumRecordAgeInSeconds | 59     | rejected with InvalidParameterValueException |
      | MaximumConcurrency        | 5      | rejected with InvalidParameterValueException |

    Examples: at the limits
      | setting                   | value  | verdict  |
      | BatchSize                 | 10000  | accepted |
      | ParallelizationFactor     | 10     | accepted |
      | MaximumRetryAttempts      | -1     | accepted |
      | MaximumRecordAgeInSeconds | 60     | accepted |
      | MaximumRecordAgeInSeconds | 604800 | accepted |
      | TumblingWindowInSeconds   | 900    | accepted |

  @aws-documented @needs:source:kinesis
  Scenario: Only ReportBatchItemFailures is a function response type
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    When the function is mapped to "readings" with the response type "ReportEverything"
    Then the mapping is rejected with ValidationException

  @aws-observed @needs:source:kinesis
  Scenario: A stream mapping needs a starting position
    Recorded on AWS: localstack/localstack at 8b9a79f0,
    tests/aws/services/lambda_/test_lambda_api.snapshot.json,
    TestLambdaEventSourceMappings::test_create_event_source_validation_kinesis, recorded 2025-11-25.
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    When the function is mapped to "readings"
    Then the mapping is rejected with InvalidParameterValueException saying "Value null at 'startingPosition' failed to satisfy constraint: Member must not be null."

  @aws-observed @needs:source:kinesis
  Scenario: An unknown starting position is refused by the model
    Recorded on AWS: the same test as above.
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    When the function is mapped to "readings" starting at SOMEWHERE
    Then the mapping is rejected with ValidationException saying "at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]"

  @aws-observed @needs:source:kinesis
  Scenario: A second mapping of the same stream to the same function is refused
    The wording is recorded on AWS (localstack/localstack at 8b9a79f0,
    tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_kinesis.snapshot.json,
    TestKinesisSource::test_duplicate_event_source_mappings, recorded 2025-11-25).
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon
    When the function is mapped to "readings" starting at TRIM_HORIZON
    Then the mapping is rejected with ResourceConflictException saying "provided mapping already exists. Please update or delete the existing mapping with UUID"
