@source:kinesis @pull @sync
Feature: Filters skip Kinesis records; the shard moves past them
  For Kinesis the filter key is data, matched as JSON when the record's data is JSON. Records no
  filter matches are skipped: the iterator advances past them and they are never delivered.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis-filtering.html

  @aws-documented @needs:source:kinesis @needs:filtering
  Scenario: Only records whose data matches are delivered
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    And the function polls "readings" with the filter:
      """json
      {"data": {"temperature": [{"numeric": [">=", 30]}]}}
      """
    When the records "{\"temperature\":21}, {\"temperature\":35}, {\"temperature\":30}" are put into "readings" with the partition key "sensor-1"
    And 1 second passes
    Then the function received, in order, "{\"temperature\":35}, {\"temperature\":30}"
