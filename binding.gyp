{
  "targets": [
    {
      "target_name": "midi_scope",
      "sources": [
        "<!@(node -p \"require('fs').readdirSync('native/engine').filter(f=>f.endsWith('.cc')).map(f=>'native/engine/'+f).join(' ')\")",
        "<!@(node -p \"require('fs').readdirSync('native/addon').filter(f=>f.endsWith('.cc')).map(f=>'native/addon/'+f).join(' ')\")",
        "<!@(node -p \"['loopback','js'].flatMap(t=>require('fs').readdirSync('native/transports/'+t).filter(f=>f.endsWith('.cc')).map(f=>'native/transports/'+t+'/'+f)).join(' ')\")"
      ],
      "conditions": [
        ["OS=='linux'", {
          "sources": [
            "<!@(node -p \"require('fs').readdirSync('native/transports/alsa').filter(f=>f.endsWith('.cc')).map(f=>'native/transports/alsa/'+f).join(' ')\")"
          ],
          "libraries": ["-ldl"]
        }]
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=c++17"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra", "-Werror", "-fexceptions"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "GCC_TREAT_WARNINGS_AS_ERRORS": "YES",
        "MACOSX_DEPLOYMENT_TARGET": "11.0"
      },
      "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1, "WarningLevel": 4, "WarnAsError": "true", "AdditionalOptions": ["/std:c++17"] } }
    }
  ]
}
