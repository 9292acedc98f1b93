@source:api-gateway @push @async
Feature: Only a REST custom integration can invoke a function asynchronously
  A REST API with a custom (non-proxy) Lambda integration can send X-Amz-Invocation-Type: 'Event';
  Lambda then queues the event and API Gateway answers at once. HTTP APIs cannot invoke asynchronously.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integration-async.html

  @aws-documented @needs:source:api-gateway
  Scenario: The client gets 200 at once and a failing function is retried as any asynchronous invocation
    Given a function that fails with "Error": "boom"
    And a REST API "jobs" with a custom integration that invokes the function asynchronously on "POST /jobs"
    And API Gateway may invoke the function from "jobs"
    When a client sends POST "/jobs" to "jobs" with the body:
      """json
      {"job": 1}
      """
    And 4 minutes pass
    Then the HTTP status is 200
    And the function was invoked 3 times
    And the event has "job" set to "1"

  @aws-documented @needs:source:api-gateway
  Scenario: An HTTP API cannot be set up to invoke asynchronously
    Given a function that returns nothing
    When an HTTP API "jobs" is created to invoke the function asynchronously on "POST /jobs"
    Then the source configuration is rejected with BadRequestException
