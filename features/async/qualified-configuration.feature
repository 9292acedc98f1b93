@source:invoke @push @async
Feature: Asynchronous settings belong to the qualifier they were put on
  Error handling and destinations can be configured on $LATEST, on a version or on an alias; an
  invocation uses the settings of the qualifier it names.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html

  @aws-documented @needs:versions
  Scenario: Settings on an alias do not change $LATEST
    Given a function that fails with "Error": "boom"
    And the function is published as version "1"
    And an alias "live" points at version "1"
    And the maximum retry attempts of "live" are 0
    When the function is invoked asynchronously with:
      """json
      {}
      """
    And 4 minutes pass
    Then the function was invoked 3 times
