@source:sqs
Feature: Orders in CI
  The orders function under Lambda's SQS rules, checked with one of the kit's steps and one of this
  team's own ("no order was taken twice", in OrderSteps.cs).
  (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html)

  Background:
    Given the function "orders"
    And an SQS queue "incoming-orders" with a visibility timeout of 30 seconds
    And the function polls "incoming-orders" and reports batch item failures

  Scenario: A broken order does not make the good ones come back
    When the messages "order-1, broken-2, order-3" are sent to "incoming-orders"
    And 31 seconds pass
    Then the function received "broken-2" at least 2 times
    And no order was taken twice
