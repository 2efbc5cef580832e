// 淄博市重大项目建设情况跟踪系统 — the pages' only script. Every page works
// without it; it adds an upload progress bar to forms marked data-upload.
(function () {
  "use strict";

  function enhanceUpload(form) {
    var box = form.querySelector(".progress");
    var bar = form.querySelector("progress");
    var text = form.querySelector(".progress-text");
    var button = form.querySelector("button[type=submit]");
    if (!box || !bar || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    form.addEventListener("submit", function (event) {
      var file = form.querySelector("input[type=file]");
      if (!file || !file.files || file.files.length === 0) {
        return; // let the browser say the file is required
      }
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      box.hidden = false;
      button.disabled = true;
      bar.value = 0;
      text.textContent = "正在上传…";
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          var pct = Math.round((e.loaded / e.total) * 100);
          bar.value = pct;
          text.textContent = pct < 100 ? "已上传 " + pct + "%" : "上传完成，正在读取台账…";
        }
      });
      xhr.addEventListener("load", function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
        if (xhr.responseURL && xhr.responseURL.indexOf("/login") >= 0) {
          window.location.assign("/login"); // the session ended meanwhile
          return;
        }
        if (xhr.status === 200 && body.location) {
          bar.value = 100;
          text.textContent = "读取完成，正在打开预览…";
          window.location.assign(body.location);
          return;
        }
        fail(body.error && body.error.message ? body.error.message : "上传失败（状态 " + xhr.status + "），请重试。");
      });
      xhr.addEventListener("error", function () { fail("网络错误，上传没有完成，请重试。"); });
      xhr.send(new FormData(form));
    });

    function fail(message) {
      button.disabled = false;
      text.textContent = "";
      box.hidden = true;
      var alert = document.querySelector("main .alert");
      if (!alert) {
        alert = document.createElement("p");
        alert.className = "alert";
        alert.setAttribute("role", "alert");
        var main = document.querySelector("main");
        main.insertBefore(alert, main.firstChild);
      }
      alert.textContent = message;
      alert.scrollIntoView();
    }
  }

  var forms = document.querySelectorAll("form[data-upload]");
  for (var i = 0; i < forms.length; i++) {
    enhanceUpload(forms[i]);
  }
})();
