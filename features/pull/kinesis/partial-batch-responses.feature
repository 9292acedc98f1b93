@source:kinesis @pull @sync
Feature: A partial batch response checkpoints a Kinesis shard at the first failed record
  With ReportBatchItemFailures, the function names failed records by sequence number. Lambda treats
  the records before the lowest reported sequence number as processed and retries from that record
  on. With BisectBatchOnFunctionError on as well, a partial response bisects the batch at the returned
  sequence number and Lambda retries only the remaining records; a function error still halves the
  batch.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html

  @aws-documented @needs:source:kinesis
  Scenario: The retry starts at the lowest failed sequence number
    Given a function that reports as failed the items containing "bad"
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon and reports batch item failures
    When the records "ok-1, bad-2, ok-3, bad-4" are put into "readings" with the partition key "sensor-1"
    And 1 second passes
    Then batch 1 held "ok-1, bad-2, ok-3, bad-4"
    When 1 second passes
    Then batch 2 held "bad-2, ok-3, bad-4"

  @aws-documented @needs:source:kinesis
  Scenario: With bisect on as well, a partial response retries only the records from the failed one
    Given a function that reports as failed the items containing "bad"
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon, reports batch item failures and splits failed batches
    When the records "ok-1, bad-2, ok-3, bad-4" are put into "readings" with the partition key "sensor-1"
    And 1 second passes
    Then batch 1 held "ok-1, bad-2, ok-3, bad-4"
    When 1 second passes
    Then batch 2 held "bad-2, ok-3, bad-4"
