#!/usr/bin/env node
'use strict';
require('../dist/cctier.js').main(process.argv.slice(2));
