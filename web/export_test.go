package web

// PasswordPath is the password page's address, for the tests of package
// web_test.
const PasswordPath = passwordPath
