// The same trivial steps as src/Conformance.Cli/Bench/TrivialSteps.cs.
const { Given, When, Then } = require('@cucumber/cucumber');

Given('a number {int}', function (n) { this.value = n; });
When('I add {int}', function (n) { this.value += n; });
Then('the result is {int}', function (expected) { if (this.value !== expected) throw new Error(`expected ${expected}, got ${this.value}`); });
Then('the result is positive', function () { if (this.value <= 0) throw new Error(`${this.value} is not positive`); });
