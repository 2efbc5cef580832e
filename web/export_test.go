package web

// PasswordPath is the password page's address, for the tests of package
// web_test.
const PasswordPath = passwordPath

// AmountText is how pages write an amount of 万元, for the tests of package
// web_test.
var AmountText = amountText
