@source:kinesis @pull
Feature: CreateEventSourceMapping checks a stream mapping's settings
  Stream mappings take a batch size from 1 to 10,000, a ParallelizationFactor from 1 to 10,
  MaximumRetryAttempts from -1 (until the records expire) to 10,000, MaximumRecordAgeInSeconds of -1
  or from 60 to 604,800, and a TumblingWindowInSeconds up to 900. ScalingConfig is for SQS only, and
  ReportBatchItemFailures is the only function response type.

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
      | BatchSize                 | 10001  | rejected with InvalidParameterValueException |
      | ParallelizationFactor     | 11     | rejected with InvalidParameterValueException |
      | ParallelizationFactor     | 0      | rejected with InvalidParameterValueException |
      | MaximumRetryAttempts      | -2     | rejected with InvalidParameterValueException |
      | MaximumRetryAttempts      | 10001  | rejected with InvalidParameterValueException |
      | MaximumRecordAgeInSeconds | 59     | rejected with InvalidParameterValueException |
      | MaximumRecordAgeInSeconds | 604801 | rejected with InvalidParameterValueException |
      | TumblingWindowInSeconds   | 901    | rejected with InvalidParameterValueException |
      | MaximumConcurrency        | 5      | rejected with InvalidParameterValueException |

  @aws-documented @needs:source:kinesis
  Scenario: Only ReportBatchItemFailures is a function response type
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    When the function is mapped to "readings" with the response type "ReportEverything"
    Then the mapping is rejected with InvalidParameterValueException

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
