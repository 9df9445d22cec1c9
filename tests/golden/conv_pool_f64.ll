; ModuleID = "symgrad_nd_a428749fa69b"
target triple = "unknown-unknown-unknown"
target datalayout = ""

define void @"kernel"(ptr %"slots", ptr %"dims") nounwind
{
allocas:
  %"transa" = alloca i8
  %"transb" = alloca i8
  %"alpha" = alloca double
  %"beta" = alloca double
  %"m" = alloca i32
  %"n" = alloca i32
  %"k" = alloca i32
  %"lda" = alloca i32
  %"ldb" = alloca i32
  %"ldc" = alloca i32
  %"acc.t12" = alloca double
  %"acc.t14" = alloca double
  %"acc.t20" = alloca double
  %"acc.t32" = alloca double
  %"transa.1" = alloca i8
  %"transb.1" = alloca i8
  %"alpha.1" = alloca double
  %"beta.1" = alloca double
  %"m.1" = alloca i32
  %"n.1" = alloca i32
  %"k.1" = alloca i32
  %"lda.1" = alloca i32
  %"ldb.1" = alloca i32
  %"ldc.1" = alloca i32
  br label %"entry"
entry:
  %".4" = getelementptr inbounds i64, ptr %"dims", i64 0
  %"N" = load i64, ptr %".4"
  %".5" = getelementptr inbounds ptr, ptr %"slots", i64 0
  %"buf_b" = load ptr, ptr %".5"
  %".6" = getelementptr inbounds ptr, ptr %"slots", i64 1
  %"buf_w" = load ptr, ptr %".6"
  %".7" = getelementptr inbounds ptr, ptr %"slots", i64 2
  %"buf_x" = load ptr, ptr %".7"
  %".8" = getelementptr inbounds ptr, ptr %"slots", i64 3
  %"buf_t0" = load ptr, ptr %".8"
  %".9" = getelementptr inbounds ptr, ptr %"slots", i64 4
  %"buf_t2" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_t6" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t12" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t14" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t20" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t30" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t31" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t32" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t33" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t36" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t38" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"gemm" = load void (ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr)*, ptr %".20"
  br label %"t0.0.head"
t0.0.head:
  %"t0.i0" = phi  i64 [0, %"entry"], [%".85", %"t0.1.done"]
  %".22" = icmp slt i64 %"t0.i0", %"N"
  br i1 %".22", label %"t0.0.body", label %"t0.0.done"
t0.0.body:
  br label %"t0.1.head"
t0.0.done:
  br label %"t2.0.head"
t0.1.head:
  %"t0.i1" = phi  i64 [0, %"t0.0.body"], [%".83", %"t0.2.done"]
  %".25" = icmp slt i64 %"t0.i1", 1
  br i1 %".25", label %"t0.1.body", label %"t0.1.done"
t0.1.body:
  br label %"t0.2.head"
t0.1.done:
  %".85" = add nsw i64 %"t0.i0", 1
  br label %"t0.0.head"
t0.2.head:
  %"t0.i2" = phi  i64 [0, %"t0.1.body"], [%".81", %"t0.3.done"]
  %".28" = icmp slt i64 %"t0.i2", 6
  br i1 %".28", label %"t0.2.body", label %"t0.2.done"
t0.2.body:
  br label %"t0.3.head"
t0.2.done:
  %".83" = add nsw i64 %"t0.i1", 1
  br label %"t0.1.head"
t0.3.head:
  %"t0.i3" = phi  i64 [0, %"t0.2.body"], [%".79", %"t0.3.body"]
  %".31" = icmp slt i64 %"t0.i3", 6
  br i1 %".31", label %"t0.3.body", label %"t0.3.done"
t0.3.body:
  %".33" = mul i64 1, 6
  %".34" = mul i64 %".33", 6
  %".35" = mul i64 %".34", 1
  %".36" = mul i64 %".35", %"N"
  %".37" = mul i64 %"t0.i0", %".35"
  %".38" = add i64 0, %".37"
  %".39" = mul i64 %"t0.i1", %".34"
  %".40" = add i64 %".38", %".39"
  %".41" = mul i64 %"t0.i2", %".33"
  %".42" = add i64 %".40", %".41"
  %".43" = mul i64 %"t0.i3", 1
  %".44" = add i64 %".42", %".43"
  %".45" = sub i64 %"t0.i2", 1
  %".46" = icmp sge i64 %".45", 0
  %".47" = icmp slt i64 %".45", 4
  %".48" = and i1 %".46", %".47"
  %".49" = sub i64 4, 1
  %".50" = icmp slt i64 %".45", 0
  %".51" = select  i1 %".50", i64 0, i64 %".45"
  %".52" = icmp sgt i64 %".51", %".49"
  %".53" = select  i1 %".52", i64 %".49", i64 %".51"
  %".54" = sub i64 %"t0.i3", 1
  %".55" = icmp sge i64 %".54", 0
  %".56" = icmp slt i64 %".54", 4
  %".57" = and i1 %".55", %".56"
  %".58" = and i1 %".48", %".57"
  %".59" = sub i64 4, 1
  %".60" = icmp slt i64 %".54", 0
  %".61" = select  i1 %".60", i64 0, i64 %".54"
  %".62" = icmp sgt i64 %".61", %".59"
  %".63" = select  i1 %".62", i64 %".59", i64 %".61"
  %".64" = mul i64 1, 4
  %".65" = mul i64 %".64", 4
  %".66" = mul i64 %".65", 1
  %".67" = mul i64 %".66", %"N"
  %".68" = mul i64 %"t0.i0", %".66"
  %".69" = add i64 0, %".68"
  %".70" = mul i64 %".53", %".64"
  %".71" = add i64 %".69", %".70"
  %".72" = mul i64 %".63", 1
  %".73" = add i64 %".71", %".72"
  %".74" = getelementptr inbounds double, ptr %"buf_x", i64 %".73"
  %".75" = load double, ptr %".74"
  %".76" = select  i1 %".58", double %".75", double              0x0
  %".77" = getelementptr inbounds double, ptr %"buf_t0", i64 %".44"
  store double %".76", ptr %".77"
  %".79" = add nsw i64 %"t0.i3", 1
  br label %"t0.3.head"
t0.3.done:
  %".81" = add nsw i64 %"t0.i2", 1
  br label %"t0.2.head"
t2.0.head:
  %"t2.i0" = phi  i64 [0, %"t0.0.done"], [%".151", %"t2.1.done"]
  %".88" = icmp slt i64 %"t2.i0", %"N"
  br i1 %".88", label %"t2.0.body", label %"t2.0.done"
t2.0.body:
  br label %"t2.1.head"
t2.0.done:
  store i8 84, i8* %"transa"
  store i8 78, i8* %"transb"
  store double 0x3ff0000000000000, double* %"alpha"
  store double              0x0, double* %"beta"
  %".157" = trunc i64 2 to i32
  store i32 %".157", i32* %"m"
  %".159" = mul i64 16, %"N"
  %".160" = trunc i64 %".159" to i32
  store i32 %".160", i32* %"n"
  %".162" = trunc i64 9 to i32
  store i32 %".162", i32* %"k"
  %".164" = icmp slt i64 9, 1
  %".165" = select  i1 %".164", i64 1, i64 9
  %".166" = trunc i64 %".165" to i32
  store i32 %".166", i32* %"lda"
  %".168" = icmp slt i64 9, 1
  %".169" = select  i1 %".168", i64 1, i64 9
  %".170" = trunc i64 %".169" to i32
  store i32 %".170", i32* %"ldb"
  %".172" = icmp slt i64 2, 1
  %".173" = select  i1 %".172", i64 1, i64 2
  %".174" = trunc i64 %".173" to i32
  store i32 %".174", i32* %"ldc"
  call void %"gemm"(i8* %"transa", i8* %"transb", i32* %"m", i32* %"n", i32* %"k", double* %"alpha", ptr %"buf_w", i32* %"lda", ptr %"buf_t2", i32* %"ldb", double* %"beta", ptr %"buf_t6", i32* %"ldc")
  br label %"t12.0.head"
t2.1.head:
  %"t2.i1" = phi  i64 [0, %"t2.0.body"], [%".149", %"t2.2.done"]
  %".91" = icmp slt i64 %"t2.i1", 4
  br i1 %".91", label %"t2.1.body", label %"t2.1.done"
t2.1.body:
  br label %"t2.2.head"
t2.1.done:
  %".151" = add nsw i64 %"t2.i0", 1
  br label %"t2.0.head"
t2.2.head:
  %"t2.i2" = phi  i64 [0, %"t2.1.body"], [%".147", %"t2.3.done"]
  %".94" = icmp slt i64 %"t2.i2", 4
  br i1 %".94", label %"t2.2.body", label %"t2.2.done"
t2.2.body:
  br label %"t2.3.head"
t2.2.done:
  %".149" = add nsw i64 %"t2.i1", 1
  br label %"t2.1.head"
t2.3.head:
  %"t2.i3" = phi  i64 [0, %"t2.2.body"], [%".145", %"t2.4.done"]
  %".97" = icmp slt i64 %"t2.i3", 1
  br i1 %".97", label %"t2.3.body", label %"t2.3.done"
t2.3.body:
  br label %"t2.4.head"
t2.3.done:
  %".147" = add nsw i64 %"t2.i2", 1
  br label %"t2.2.head"
t2.4.head:
  %"t2.i4" = phi  i64 [0, %"t2.3.body"], [%".143", %"t2.5.done"]
  %".100" = icmp slt i64 %"t2.i4", 3
  br i1 %".100", label %"t2.4.body", label %"t2.4.done"
t2.4.body:
  br label %"t2.5.head"
t2.4.done:
  %".145" = add nsw i64 %"t2.i3", 1
  br label %"t2.3.head"
t2.5.head:
  %"t2.i5" = phi  i64 [0, %"t2.4.body"], [%".141", %"t2.5.body"]
  %".103" = icmp slt i64 %"t2.i5", 3
  br i1 %".103", label %"t2.5.body", label %"t2.5.done"
t2.5.body:
  %".105" = mul i64 1, 3
  %".106" = mul i64 %".105", 3
  %".107" = mul i64 %".106", 1
  %".108" = mul i64 %".107", 4
  %".109" = mul i64 %".108", 4
  %".110" = mul i64 %".109", %"N"
  %".111" = mul i64 %"t2.i0", %".109"
  %".112" = add i64 0, %".111"
  %".113" = mul i64 %"t2.i1", %".108"
  %".114" = add i64 %".112", %".113"
  %".115" = mul i64 %"t2.i2", %".107"
  %".116" = add i64 %".114", %".115"
  %".117" = mul i64 %"t2.i3", %".106"
  %".118" = add i64 %".116", %".117"
  %".119" = mul i64 %"t2.i4", %".105"
  %".120" = add i64 %".118", %".119"
  %".121" = mul i64 %"t2.i5", 1
  %".122" = add i64 %".120", %".121"
  %".123" = mul i64 %"t2.i1", 1
  %".124" = add i64 %".123", %"t2.i4"
  %".125" = mul i64 %"t2.i2", 1
  %".126" = add i64 %".125", %"t2.i5"
  %".127" = mul i64 1, 6
  %".128" = mul i64 %".127", 6
  %".129" = mul i64 %".128", 1
  %".130" = mul i64 %".129", %"N"
  %".131" = mul i64 %"t2.i0", %".129"
  %".132" = add i64 0, %".131"
  %".133" = mul i64 %".124", %".127"
  %".134" = add i64 %".132", %".133"
  %".135" = mul i64 %".126", 1
  %".136" = add i64 %".134", %".135"
  %".137" = getelementptr inbounds double, ptr %"buf_t0", i64 %".136"
  %".138" = load double, ptr %".137"
  %".139" = getelementptr inbounds double, ptr %"buf_t2", i64 %".122"
  store double %".138", ptr %".139"
  %".141" = add nsw i64 %"t2.i5", 1
  br label %"t2.5.head"
t2.5.done:
  %".143" = add nsw i64 %"t2.i4", 1
  br label %"t2.4.head"
t12.0.head:
  %"t12.i0" = phi  i64 [0, %"t2.0.done"], [%".251", %"t12.1.done"]
  %".178" = icmp slt i64 %"t12.i0", %"N"
  br i1 %".178", label %"t12.0.body", label %"t12.0.done"
t12.0.body:
  br label %"t12.1.head"
t12.0.done:
  store double              0x0, double* %"acc.t14"
  br label %"t14.r.0.head"
t12.1.head:
  %"t12.i1" = phi  i64 [0, %"t12.0.body"], [%".249", %"t12.2.done"]
  %".181" = icmp slt i64 %"t12.i1", 2
  br i1 %".181", label %"t12.1.body", label %"t12.1.done"
t12.1.body:
  br label %"t12.2.head"
t12.1.done:
  %".251" = add nsw i64 %"t12.i0", 1
  br label %"t12.0.head"
t12.2.head:
  %"t12.i2" = phi  i64 [0, %"t12.1.body"], [%".247", %"t12.3.done"]
  %".184" = icmp slt i64 %"t12.i2", 2
  br i1 %".184", label %"t12.2.body", label %"t12.2.done"
t12.2.body:
  br label %"t12.3.head"
t12.2.done:
  %".249" = add nsw i64 %"t12.i1", 1
  br label %"t12.1.head"
t12.3.head:
  %"t12.i3" = phi  i64 [0, %"t12.2.body"], [%".245", %"t12.r.0.done"]
  %".187" = icmp slt i64 %"t12.i3", 2
  br i1 %".187", label %"t12.3.body", label %"t12.3.done"
t12.3.body:
  store double 0xfff0000000000000, double* %"acc.t12"
  br label %"t12.r.0.head"
t12.3.done:
  %".247" = add nsw i64 %"t12.i2", 1
  br label %"t12.2.head"
t12.r.0.head:
  %"t12.r.i0" = phi  i64 [0, %"t12.3.body"], [%".228", %"t12.r.1.done"]
  %".191" = icmp slt i64 %"t12.r.i0", 2
  br i1 %".191", label %"t12.r.0.body", label %"t12.r.0.done"
t12.r.0.body:
  br label %"t12.r.1.head"
t12.r.0.done:
  %".230" = mul i64 1, 2
  %".231" = mul i64 %".230", 2
  %".232" = mul i64 %".231", 2
  %".233" = mul i64 %".232", %"N"
  %".234" = mul i64 %"t12.i0", %".232"
  %".235" = add i64 0, %".234"
  %".236" = mul i64 %"t12.i1", %".231"
  %".237" = add i64 %".235", %".236"
  %".238" = mul i64 %"t12.i2", %".230"
  %".239" = add i64 %".237", %".238"
  %".240" = mul i64 %"t12.i3", 1
  %".241" = add i64 %".239", %".240"
  %".242" = load double, double* %"acc.t12"
  %".243" = getelementptr inbounds double, ptr %"buf_t12", i64 %".241"
  store double %".242", ptr %".243"
  %".245" = add nsw i64 %"t12.i3", 1
  br label %"t12.3.head"
t12.r.1.head:
  %"t12.r.i1" = phi  i64 [0, %"t12.r.0.body"], [%".226", %"t12.r.1.body"]
  %".194" = icmp slt i64 %"t12.r.i1", 2
  br i1 %".194", label %"t12.r.1.body", label %"t12.r.1.done"
t12.r.1.body:
  %".196" = mul i64 %"t12.i2", 2
  %".197" = add i64 %".196", %"t12.r.i0"
  %".198" = mul i64 %"t12.i3", 2
  %".199" = add i64 %".198", %"t12.r.i1"
  %".200" = mul i64 1, 1
  %".201" = mul i64 %".200", 1
  %".202" = mul i64 %".201", 2
  %".203" = mul i64 %"t12.i1", %".201"
  %".204" = add i64 0, %".203"
  %".205" = getelementptr inbounds double, ptr %"buf_b", i64 %".204"
  %".206" = load double, ptr %".205"
  %".207" = mul i64 1, 2
  %".208" = mul i64 %".207", 4
  %".209" = mul i64 %".208", 4
  %".210" = mul i64 %".209", %"N"
  %".211" = mul i64 %"t12.i0", %".209"
  %".212" = add i64 0, %".211"
  %".213" = mul i64 %".197", %".208"
  %".214" = add i64 %".212", %".213"
  %".215" = mul i64 %".199", %".207"
  %".216" = add i64 %".214", %".215"
  %".217" = mul i64 %"t12.i1", 1
  %".218" = add i64 %".216", %".217"
  %".219" = getelementptr inbounds double, ptr %"buf_t6", i64 %".218"
  %".220" = load double, ptr %".219"
  %".221" = fadd double %".206", %".220"
  %"tanh" = call double @"symgrad.tanh.f64"(double %".221")
  %".222" = load double, double* %"acc.t12"
  %".223" = fcmp oge double %"tanh", %".222"
  %"isnan" = fcmp uno double %"tanh", %"tanh"
  %".224" = or i1 %".223", %"isnan"
  %"max" = select  i1 %".224", double %"tanh", double %".222"
  store double %"max", double* %"acc.t12"
  %".226" = add nsw i64 %"t12.r.i1", 1
  br label %"t12.r.1.head"
t12.r.1.done:
  %".228" = add nsw i64 %"t12.r.i0", 1
  br label %"t12.r.0.head"
t14.r.0.head:
  %"t14.r.i0" = phi  i64 [0, %"t12.0.done"], [%".304", %"t14.r.1.done"]
  %".255" = icmp slt i64 %"t14.r.i0", %"N"
  br i1 %".255", label %"t14.r.0.body", label %"t14.r.0.done"
t14.r.0.body:
  br label %"t14.r.1.head"
t14.r.0.done:
  %".306" = load double, double* %"acc.t14"
  %".307" = getelementptr inbounds double, ptr %"buf_t14", i64 0
  store double %".306", ptr %".307"
  br label %"t20.0.head"
t14.r.1.head:
  %"t14.r.i1" = phi  i64 [0, %"t14.r.0.body"], [%".302", %"t14.r.2.done"]
  %".258" = icmp slt i64 %"t14.r.i1", 2
  br i1 %".258", label %"t14.r.1.body", label %"t14.r.1.done"
t14.r.1.body:
  br label %"t14.r.2.head"
t14.r.1.done:
  %".304" = add nsw i64 %"t14.r.i0", 1
  br label %"t14.r.0.head"
t14.r.2.head:
  %"t14.r.i2" = phi  i64 [0, %"t14.r.1.body"], [%".300", %"t14.r.3.done"]
  %".261" = icmp slt i64 %"t14.r.i2", 2
  br i1 %".261", label %"t14.r.2.body", label %"t14.r.2.done"
t14.r.2.body:
  br label %"t14.r.3.head"
t14.r.2.done:
  %".302" = add nsw i64 %"t14.r.i1", 1
  br label %"t14.r.1.head"
t14.r.3.head:
  %"t14.r.i3" = phi  i64 [0, %"t14.r.2.body"], [%".298", %"t14.r.3.body"]
  %".264" = icmp slt i64 %"t14.r.i3", 2
  br i1 %".264", label %"t14.r.3.body", label %"t14.r.3.done"
t14.r.3.body:
  %".266" = mul i64 1, 2
  %".267" = mul i64 %".266", 2
  %".268" = mul i64 %".267", 2
  %".269" = mul i64 %".268", %"N"
  %".270" = mul i64 %"t14.r.i0", %".268"
  %".271" = add i64 0, %".270"
  %".272" = mul i64 %"t14.r.i1", %".267"
  %".273" = add i64 %".271", %".272"
  %".274" = mul i64 %"t14.r.i2", %".266"
  %".275" = add i64 %".273", %".274"
  %".276" = mul i64 %"t14.r.i3", 1
  %".277" = add i64 %".275", %".276"
  %".278" = getelementptr inbounds double, ptr %"buf_t12", i64 %".277"
  %".279" = load double, ptr %".278"
  %".280" = mul i64 1, 2
  %".281" = mul i64 %".280", 2
  %".282" = mul i64 %".281", 2
  %".283" = mul i64 %".282", %"N"
  %".284" = mul i64 %"t14.r.i0", %".282"
  %".285" = add i64 0, %".284"
  %".286" = mul i64 %"t14.r.i1", %".281"
  %".287" = add i64 %".285", %".286"
  %".288" = mul i64 %"t14.r.i2", %".280"
  %".289" = add i64 %".287", %".288"
  %".290" = mul i64 %"t14.r.i3", 1
  %".291" = add i64 %".289", %".290"
  %".292" = getelementptr inbounds double, ptr %"buf_t12", i64 %".291"
  %".293" = load double, ptr %".292"
  %".294" = fmul double %".279", %".293"
  %".295" = load double, double* %"acc.t14"
  %".296" = fadd double %".295", %".294"
  store double %".296", double* %"acc.t14"
  %".298" = add nsw i64 %"t14.r.i3", 1
  br label %"t14.r.3.head"
t14.r.3.done:
  %".300" = add nsw i64 %"t14.r.i2", 1
  br label %"t14.r.2.head"
t20.0.head:
  %"t20.i0" = phi  i64 [0, %"t14.r.0.done"], [%".420", %"t20.1.done"]
  %".310" = icmp slt i64 %"t20.i0", %"N"
  br i1 %".310", label %"t20.0.body", label %"t20.0.done"
t20.0.body:
  br label %"t20.1.head"
t20.0.done:
  br label %"t30.0.head"
t20.1.head:
  %"t20.i1" = phi  i64 [0, %"t20.0.body"], [%".418", %"t20.2.done"]
  %".313" = icmp slt i64 %"t20.i1", 2
  br i1 %".313", label %"t20.1.body", label %"t20.1.done"
t20.1.body:
  br label %"t20.2.head"
t20.1.done:
  %".420" = add nsw i64 %"t20.i0", 1
  br label %"t20.0.head"
t20.2.head:
  %"t20.i2" = phi  i64 [0, %"t20.1.body"], [%".416", %"t20.3.done"]
  %".316" = icmp slt i64 %"t20.i2", 2
  br i1 %".316", label %"t20.2.body", label %"t20.2.done"
t20.2.body:
  br label %"t20.3.head"
t20.2.done:
  %".418" = add nsw i64 %"t20.i1", 1
  br label %"t20.1.head"
t20.3.head:
  %"t20.i3" = phi  i64 [0, %"t20.2.body"], [%".414", %"t20.4.done"]
  %".319" = icmp slt i64 %"t20.i3", 2
  br i1 %".319", label %"t20.3.body", label %"t20.3.done"
t20.3.body:
  br label %"t20.4.head"
t20.3.done:
  %".416" = add nsw i64 %"t20.i2", 1
  br label %"t20.2.head"
t20.4.head:
  %"t20.i4" = phi  i64 [0, %"t20.3.body"], [%".412", %"t20.5.done"]
  %".322" = icmp slt i64 %"t20.i4", 1
  br i1 %".322", label %"t20.4.body", label %"t20.4.done"
t20.4.body:
  br label %"t20.5.head"
t20.4.done:
  %".414" = add nsw i64 %"t20.i3", 1
  br label %"t20.3.head"
t20.5.head:
  %"t20.i5" = phi  i64 [0, %"t20.4.body"], [%".410", %"t20.r.0.done"]
  %".325" = icmp slt i64 %"t20.i5", 1
  br i1 %".325", label %"t20.5.body", label %"t20.5.done"
t20.5.body:
  store double              0x0, double* %"acc.t20"
  br label %"t20.r.0.head"
t20.5.done:
  %".412" = add nsw i64 %"t20.i4", 1
  br label %"t20.4.head"
t20.r.0.head:
  %"t20.r.i0" = phi  i64 [0, %"t20.5.body"], [%".387", %"t20.r.1.done"]
  %".329" = icmp slt i64 %"t20.r.i0", 2
  br i1 %".329", label %"t20.r.0.body", label %"t20.r.0.done"
t20.r.0.body:
  br label %"t20.r.1.head"
t20.r.0.done:
  %".389" = mul i64 1, 1
  %".390" = mul i64 %".389", 1
  %".391" = mul i64 %".390", 2
  %".392" = mul i64 %".391", 2
  %".393" = mul i64 %".392", 2
  %".394" = mul i64 %".393", %"N"
  %".395" = mul i64 %"t20.i0", %".393"
  %".396" = add i64 0, %".395"
  %".397" = mul i64 %"t20.i1", %".392"
  %".398" = add i64 %".396", %".397"
  %".399" = mul i64 %"t20.i2", %".391"
  %".400" = add i64 %".398", %".399"
  %".401" = mul i64 %"t20.i3", %".390"
  %".402" = add i64 %".400", %".401"
  %".403" = mul i64 %"t20.i4", %".389"
  %".404" = add i64 %".402", %".403"
  %".405" = mul i64 %"t20.i5", 1
  %".406" = add i64 %".404", %".405"
  %".407" = load double, double* %"acc.t20"
  %".408" = getelementptr inbounds double, ptr %"buf_t20", i64 %".406"
  store double %".407", ptr %".408"
  %".410" = add nsw i64 %"t20.i5", 1
  br label %"t20.5.head"
t20.r.1.head:
  %"t20.r.i1" = phi  i64 [0, %"t20.r.0.body"], [%".385", %"t20.r.1.body"]
  %".332" = icmp slt i64 %"t20.r.i1", 2
  br i1 %".332", label %"t20.r.1.body", label %"t20.r.1.done"
t20.r.1.body:
  %".334" = mul i64 %"t20.i2", 2
  %".335" = add i64 %".334", %"t20.r.i0"
  %".336" = mul i64 %"t20.i3", 2
  %".337" = add i64 %".336", %"t20.r.i1"
  %".338" = mul i64 1, 1
  %".339" = mul i64 %".338", 1
  %".340" = mul i64 %".339", 2
  %".341" = mul i64 %"t20.i1", %".339"
  %".342" = add i64 0, %".341"
  %".343" = getelementptr inbounds double, ptr %"buf_b", i64 %".342"
  %".344" = load double, ptr %".343"
  %".345" = mul i64 1, 2
  %".346" = mul i64 %".345", 4
  %".347" = mul i64 %".346", 4
  %".348" = mul i64 %".347", %"N"
  %".349" = mul i64 %"t20.i0", %".347"
  %".350" = add i64 0, %".349"
  %".351" = mul i64 %".335", %".346"
  %".352" = add i64 %".350", %".351"
  %".353" = mul i64 %".337", %".345"
  %".354" = add i64 %".352", %".353"
  %".355" = mul i64 %"t20.i1", 1
  %".356" = add i64 %".354", %".355"
  %".357" = getelementptr inbounds double, ptr %"buf_t6", i64 %".356"
  %".358" = load double, ptr %".357"
  %".359" = fadd double %".344", %".358"
  %"tanh.1" = call double @"symgrad.tanh.f64"(double %".359")
  %".360" = mul i64 1, 1
  %".361" = mul i64 %".360", 1
  %".362" = mul i64 %".361", 2
  %".363" = mul i64 %".362", 2
  %".364" = mul i64 %".363", 2
  %".365" = mul i64 %".364", %"N"
  %".366" = mul i64 %"t20.i0", %".364"
  %".367" = add i64 0, %".366"
  %".368" = mul i64 %"t20.i1", %".363"
  %".369" = add i64 %".367", %".368"
  %".370" = mul i64 %"t20.i2", %".362"
  %".371" = add i64 %".369", %".370"
  %".372" = mul i64 %"t20.i3", %".361"
  %".373" = add i64 %".371", %".372"
  %".374" = mul i64 0, %".360"
  %".375" = add i64 %".373", %".374"
  %".376" = mul i64 0, 1
  %".377" = add i64 %".375", %".376"
  %".378" = getelementptr inbounds double, ptr %"buf_t12", i64 %".377"
  %".379" = load double, ptr %".378"
  %".380" = fcmp oeq double %"tanh.1", %".379"
  %".381" = select  i1 %".380", double 0x3ff0000000000000, double              0x0
  %".382" = load double, double* %"acc.t20"
  %".383" = fadd double %".382", %".381"
  store double %".383", double* %"acc.t20"
  %".385" = add nsw i64 %"t20.r.i1", 1
  br label %"t20.r.1.head"
t20.r.1.done:
  %".387" = add nsw i64 %"t20.r.i0", 1
  br label %"t20.r.0.head"
t30.0.head:
  %"t30.i0" = phi  i64 [0, %"t20.0.done"], [%".597", %"t30.1.done"]
  %".423" = icmp slt i64 %"t30.i0", %"N"
  br i1 %".423", label %"t30.0.body", label %"t30.0.done"
t30.0.body:
  br label %"t30.1.head"
t30.0.done:
  br label %"t31.init.0.head"
t30.1.head:
  %"t30.i1" = phi  i64 [0, %"t30.0.body"], [%".595", %"t30.2.done"]
  %".426" = icmp slt i64 %"t30.i1", 2
  br i1 %".426", label %"t30.1.body", label %"t30.1.done"
t30.1.body:
  br label %"t30.2.head"
t30.1.done:
  %".597" = add nsw i64 %"t30.i0", 1
  br label %"t30.0.head"
t30.2.head:
  %"t30.i2" = phi  i64 [0, %"t30.1.body"], [%".593", %"t30.3.done"]
  %".429" = icmp slt i64 %"t30.i2", 4
  br i1 %".429", label %"t30.2.body", label %"t30.2.done"
t30.2.body:
  br label %"t30.3.head"
t30.2.done:
  %".595" = add nsw i64 %"t30.i1", 1
  br label %"t30.1.head"
t30.3.head:
  %"t30.i3" = phi  i64 [0, %"t30.2.body"], [%".591", %"t30.3.body"]
  %".432" = icmp slt i64 %"t30.i3", 4
  br i1 %".432", label %"t30.3.body", label %"t30.3.done"
t30.3.body:
  %".434" = mul i64 1, 4
  %".435" = mul i64 %".434", 4
  %".436" = mul i64 %".435", 2
  %".437" = mul i64 %".436", %"N"
  %".438" = mul i64 %"t30.i0", %".436"
  %".439" = add i64 0, %".438"
  %".440" = mul i64 %"t30.i1", %".435"
  %".441" = add i64 %".439", %".440"
  %".442" = mul i64 %"t30.i2", %".434"
  %".443" = add i64 %".441", %".442"
  %".444" = mul i64 %"t30.i3", 1
  %".445" = add i64 %".443", %".444"
  %".446" = udiv i64 %"t30.i2", 2
  %".447" = icmp slt i64 %".446", 2
  %".448" = select  i1 %".447", i64 %".446", i64 1
  %".449" = urem i64 %"t30.i2", 2
  %".450" = udiv i64 %"t30.i3", 2
  %".451" = icmp slt i64 %".450", 2
  %".452" = select  i1 %".451", i64 %".450", i64 1
  %".453" = urem i64 %"t30.i3", 2
  %".454" = and i1 %".447", %".451"
  %".455" = mul i64 0, 1
  %".456" = add i64 %".455", 0
  %".457" = mul i64 0, 1
  %".458" = add i64 %".457", 0
  %".459" = mul i64 1, 2
  %".460" = mul i64 %".459", 2
  %".461" = mul i64 %".460", 2
  %".462" = mul i64 %".461", %"N"
  %".463" = mul i64 %"t30.i0", %".461"
  %".464" = add i64 0, %".463"
  %".465" = mul i64 %"t30.i1", %".460"
  %".466" = add i64 %".464", %".465"
  %".467" = mul i64 %".448", %".459"
  %".468" = add i64 %".466", %".467"
  %".469" = mul i64 %".452", 1
  %".470" = add i64 %".468", %".469"
  %".471" = getelementptr inbounds double, ptr %"buf_t12", i64 %".470"
  %".472" = load double, ptr %".471"
  %".473" = fmul double %".472", 0x4000000000000000
  %".474" = mul i64 1, 1
  %".475" = mul i64 %".474", 1
  %".476" = mul i64 %".475", 2
  %".477" = mul i64 %".476", 2
  %".478" = mul i64 %".477", 2
  %".479" = mul i64 %".478", %"N"
  %".480" = mul i64 %"t30.i0", %".478"
  %".481" = add i64 0, %".480"
  %".482" = mul i64 %"t30.i1", %".477"
  %".483" = add i64 %".481", %".482"
  %".484" = mul i64 %".448", %".476"
  %".485" = add i64 %".483", %".484"
  %".486" = mul i64 %".452", %".475"
  %".487" = add i64 %".485", %".486"
  %".488" = getelementptr inbounds double, ptr %"buf_t20", i64 %".487"
  %".489" = load double, ptr %".488"
  %".490" = fdiv double 0x3ff0000000000000, %".489"
  %".491" = fmul double %".473", %".490"
  %".492" = mul i64 %".448", 2
  %".493" = add i64 %".492", %".449"
  %".494" = mul i64 %".452", 2
  %".495" = add i64 %".494", %".453"
  %".496" = mul i64 1, 1
  %".497" = mul i64 %".496", 1
  %".498" = mul i64 %".497", 2
  %".499" = mul i64 %"t30.i1", %".497"
  %".500" = add i64 0, %".499"
  %".501" = getelementptr inbounds double, ptr %"buf_b", i64 %".500"
  %".502" = load double, ptr %".501"
  %".503" = mul i64 1, 2
  %".504" = mul i64 %".503", 4
  %".505" = mul i64 %".504", 4
  %".506" = mul i64 %".505", %"N"
  %".507" = mul i64 %"t30.i0", %".505"
  %".508" = add i64 0, %".507"
  %".509" = mul i64 %".493", %".504"
  %".510" = add i64 %".508", %".509"
  %".511" = mul i64 %".495", %".503"
  %".512" = add i64 %".510", %".511"
  %".513" = mul i64 %"t30.i1", 1
  %".514" = add i64 %".512", %".513"
  %".515" = getelementptr inbounds double, ptr %"buf_t6", i64 %".514"
  %".516" = load double, ptr %".515"
  %".517" = fadd double %".502", %".516"
  %"tanh.2" = call double @"symgrad.tanh.f64"(double %".517")
  %".518" = mul i64 1, 1
  %".519" = mul i64 %".518", 1
  %".520" = mul i64 %".519", 2
  %".521" = mul i64 %".520", 2
  %".522" = mul i64 %".521", 2
  %".523" = mul i64 %".522", %"N"
  %".524" = mul i64 %"t30.i0", %".522"
  %".525" = add i64 0, %".524"
  %".526" = mul i64 %"t30.i1", %".521"
  %".527" = add i64 %".525", %".526"
  %".528" = mul i64 %".448", %".520"
  %".529" = add i64 %".527", %".528"
  %".530" = mul i64 %".452", %".519"
  %".531" = add i64 %".529", %".530"
  %".532" = mul i64 0, %".518"
  %".533" = add i64 %".531", %".532"
  %".534" = mul i64 0, 1
  %".535" = add i64 %".533", %".534"
  %".536" = getelementptr inbounds double, ptr %"buf_t12", i64 %".535"
  %".537" = load double, ptr %".536"
  %".538" = fcmp oeq double %"tanh.2", %".537"
  %".539" = select  i1 %".538", double %".491", double              0x0
  %".540" = select  i1 %".454", double %".539", double              0x0
  %".541" = mul i64 1, 1
  %".542" = mul i64 %".541", 1
  %".543" = mul i64 %".542", 2
  %".544" = mul i64 %"t30.i1", %".542"
  %".545" = add i64 0, %".544"
  %".546" = getelementptr inbounds double, ptr %"buf_b", i64 %".545"
  %".547" = load double, ptr %".546"
  %".548" = mul i64 1, 2
  %".549" = mul i64 %".548", 4
  %".550" = mul i64 %".549", 4
  %".551" = mul i64 %".550", %"N"
  %".552" = mul i64 %"t30.i0", %".550"
  %".553" = add i64 0, %".552"
  %".554" = mul i64 %"t30.i2", %".549"
  %".555" = add i64 %".553", %".554"
  %".556" = mul i64 %"t30.i3", %".548"
  %".557" = add i64 %".555", %".556"
  %".558" = mul i64 %"t30.i1", 1
  %".559" = add i64 %".557", %".558"
  %".560" = getelementptr inbounds double, ptr %"buf_t6", i64 %".559"
  %".561" = load double, ptr %".560"
  %".562" = fadd double %".547", %".561"
  %"tanh.3" = call double @"symgrad.tanh.f64"(double %".562")
  %".563" = mul i64 1, 1
  %".564" = mul i64 %".563", 1
  %".565" = mul i64 %".564", 2
  %".566" = mul i64 %"t30.i1", %".564"
  %".567" = add i64 0, %".566"
  %".568" = getelementptr inbounds double, ptr %"buf_b", i64 %".567"
  %".569" = load double, ptr %".568"
  %".570" = mul i64 1, 2
  %".571" = mul i64 %".570", 4
  %".572" = mul i64 %".571", 4
  %".573" = mul i64 %".572", %"N"
  %".574" = mul i64 %"t30.i0", %".572"
  %".575" = add i64 0, %".574"
  %".576" = mul i64 %"t30.i2", %".571"
  %".577" = add i64 %".575", %".576"
  %".578" = mul i64 %"t30.i3", %".570"
  %".579" = add i64 %".577", %".578"
  %".580" = mul i64 %"t30.i1", 1
  %".581" = add i64 %".579", %".580"
  %".582" = getelementptr inbounds double, ptr %"buf_t6", i64 %".581"
  %".583" = load double, ptr %".582"
  %".584" = fadd double %".569", %".583"
  %"tanh.4" = call double @"symgrad.tanh.f64"(double %".584")
  %".585" = fmul double %"tanh.3", %"tanh.4"
  %".586" = fneg double %".585"
  %".587" = fadd double 0x3ff0000000000000, %".586"
  %".588" = fmul double %".540", %".587"
  %".589" = getelementptr inbounds double, ptr %"buf_t30", i64 %".445"
  store double %".588", ptr %".589"
  %".591" = add nsw i64 %"t30.i3", 1
  br label %"t30.3.head"
t30.3.done:
  %".593" = add nsw i64 %"t30.i2", 1
  br label %"t30.2.head"
t31.init.0.head:
  %"t31.init.i0" = phi  i64 [0, %"t30.0.done"], [%".623", %"t31.init.1.done"]
  %".600" = icmp slt i64 %"t31.init.i0", 2
  br i1 %".600", label %"t31.init.0.body", label %"t31.init.0.done"
t31.init.0.body:
  br label %"t31.init.1.head"
t31.init.0.done:
  br label %"t31.0.head"
t31.init.1.head:
  %"t31.init.i1" = phi  i64 [0, %"t31.init.0.body"], [%".621", %"t31.init.2.done"]
  %".603" = icmp slt i64 %"t31.init.i1", 4
  br i1 %".603", label %"t31.init.1.body", label %"t31.init.1.done"
t31.init.1.body:
  br label %"t31.init.2.head"
t31.init.1.done:
  %".623" = add nsw i64 %"t31.init.i0", 1
  br label %"t31.init.0.head"
t31.init.2.head:
  %"t31.init.i2" = phi  i64 [0, %"t31.init.1.body"], [%".619", %"t31.init.2.body"]
  %".606" = icmp slt i64 %"t31.init.i2", 4
  br i1 %".606", label %"t31.init.2.body", label %"t31.init.2.done"
t31.init.2.body:
  %".608" = mul i64 1, 4
  %".609" = mul i64 %".608", 4
  %".610" = mul i64 %".609", 2
  %".611" = mul i64 %"t31.init.i0", %".609"
  %".612" = add i64 0, %".611"
  %".613" = mul i64 %"t31.init.i1", %".608"
  %".614" = add i64 %".612", %".613"
  %".615" = mul i64 %"t31.init.i2", 1
  %".616" = add i64 %".614", %".615"
  %".617" = getelementptr inbounds double, ptr %"buf_t31", i64 %".616"
  store double              0x0, ptr %".617"
  %".619" = add nsw i64 %"t31.init.i2", 1
  br label %"t31.init.2.head"
t31.init.2.done:
  %".621" = add nsw i64 %"t31.init.i1", 1
  br label %"t31.init.1.head"
t31.0.head:
  %"t31.i0" = phi  i64 [0, %"t31.init.0.done"], [%".670", %"t31.1.done"]
  %".626" = icmp slt i64 %"t31.i0", %"N"
  br i1 %".626", label %"t31.0.body", label %"t31.0.done"
t31.0.body:
  br label %"t31.1.head"
t31.0.done:
  br label %"t32.0.head"
t31.1.head:
  %"t31.i1" = phi  i64 [0, %"t31.0.body"], [%".668", %"t31.2.done"]
  %".629" = icmp slt i64 %"t31.i1", 2
  br i1 %".629", label %"t31.1.body", label %"t31.1.done"
t31.1.body:
  br label %"t31.2.head"
t31.1.done:
  %".670" = add nsw i64 %"t31.i0", 1
  br label %"t31.0.head"
t31.2.head:
  %"t31.i2" = phi  i64 [0, %"t31.1.body"], [%".666", %"t31.3.done"]
  %".632" = icmp slt i64 %"t31.i2", 4
  br i1 %".632", label %"t31.2.body", label %"t31.2.done"
t31.2.body:
  br label %"t31.3.head"
t31.2.done:
  %".668" = add nsw i64 %"t31.i1", 1
  br label %"t31.1.head"
t31.3.head:
  %"t31.i3" = phi  i64 [0, %"t31.2.body"], [%".664", %"t31.3.body"]
  %".635" = icmp slt i64 %"t31.i3", 4
  br i1 %".635", label %"t31.3.body", label %"t31.3.done"
t31.3.body:
  %".637" = mul i64 1, 4
  %".638" = mul i64 %".637", 4
  %".639" = mul i64 %".638", 2
  %".640" = mul i64 %"t31.i1", %".638"
  %".641" = add i64 0, %".640"
  %".642" = mul i64 %"t31.i2", %".637"
  %".643" = add i64 %".641", %".642"
  %".644" = mul i64 %"t31.i3", 1
  %".645" = add i64 %".643", %".644"
  %".646" = mul i64 1, 4
  %".647" = mul i64 %".646", 4
  %".648" = mul i64 %".647", 2
  %".649" = mul i64 %".648", %"N"
  %".650" = mul i64 %"t31.i0", %".648"
  %".651" = add i64 0, %".650"
  %".652" = mul i64 %"t31.i1", %".647"
  %".653" = add i64 %".651", %".652"
  %".654" = mul i64 %"t31.i2", %".646"
  %".655" = add i64 %".653", %".654"
  %".656" = mul i64 %"t31.i3", 1
  %".657" = add i64 %".655", %".656"
  %".658" = getelementptr inbounds double, ptr %"buf_t30", i64 %".657"
  %".659" = load double, ptr %".658"
  %".660" = getelementptr inbounds double, ptr %"buf_t31", i64 %".645"
  %".661" = load double, ptr %".660"
  %".662" = fadd double %".661", %".659"
  store double %".662", ptr %".660"
  %".664" = add nsw i64 %"t31.i3", 1
  br label %"t31.3.head"
t31.3.done:
  %".666" = add nsw i64 %"t31.i2", 1
  br label %"t31.2.head"
t32.0.head:
  %"t32.i0" = phi  i64 [0, %"t31.0.done"], [%".722", %"t32.1.done"]
  %".673" = icmp slt i64 %"t32.i0", 2
  br i1 %".673", label %"t32.0.body", label %"t32.0.done"
t32.0.body:
  br label %"t32.1.head"
t32.0.done:
  br label %"t33.0.head"
t32.1.head:
  %"t32.i1" = phi  i64 [0, %"t32.0.body"], [%".720", %"t32.2.done"]
  %".676" = icmp slt i64 %"t32.i1", 1
  br i1 %".676", label %"t32.1.body", label %"t32.1.done"
t32.1.body:
  br label %"t32.2.head"
t32.1.done:
  %".722" = add nsw i64 %"t32.i0", 1
  br label %"t32.0.head"
t32.2.head:
  %"t32.i2" = phi  i64 [0, %"t32.1.body"], [%".718", %"t32.r.0.done"]
  %".679" = icmp slt i64 %"t32.i2", 1
  br i1 %".679", label %"t32.2.body", label %"t32.2.done"
t32.2.body:
  store double              0x0, double* %"acc.t32"
  br label %"t32.r.0.head"
t32.2.done:
  %".720" = add nsw i64 %"t32.i1", 1
  br label %"t32.1.head"
t32.r.0.head:
  %"t32.r.i0" = phi  i64 [0, %"t32.2.body"], [%".704", %"t32.r.1.done"]
  %".683" = icmp slt i64 %"t32.r.i0", 4
  br i1 %".683", label %"t32.r.0.body", label %"t32.r.0.done"
t32.r.0.body:
  br label %"t32.r.1.head"
t32.r.0.done:
  %".706" = mul i64 1, 1
  %".707" = mul i64 %".706", 1
  %".708" = mul i64 %".707", 2
  %".709" = mul i64 %"t32.i0", %".707"
  %".710" = add i64 0, %".709"
  %".711" = mul i64 %"t32.i1", %".706"
  %".712" = add i64 %".710", %".711"
  %".713" = mul i64 %"t32.i2", 1
  %".714" = add i64 %".712", %".713"
  %".715" = load double, double* %"acc.t32"
  %".716" = getelementptr inbounds double, ptr %"buf_t32", i64 %".714"
  store double %".715", ptr %".716"
  %".718" = add nsw i64 %"t32.i2", 1
  br label %"t32.2.head"
t32.r.1.head:
  %"t32.r.i1" = phi  i64 [0, %"t32.r.0.body"], [%".702", %"t32.r.1.body"]
  %".686" = icmp slt i64 %"t32.r.i1", 4
  br i1 %".686", label %"t32.r.1.body", label %"t32.r.1.done"
t32.r.1.body:
  %".688" = mul i64 1, 4
  %".689" = mul i64 %".688", 4
  %".690" = mul i64 %".689", 2
  %".691" = mul i64 %"t32.i0", %".689"
  %".692" = add i64 0, %".691"
  %".693" = mul i64 %"t32.r.i0", %".688"
  %".694" = add i64 %".692", %".693"
  %".695" = mul i64 %"t32.r.i1", 1
  %".696" = add i64 %".694", %".695"
  %".697" = getelementptr inbounds double, ptr %"buf_t31", i64 %".696"
  %".698" = load double, ptr %".697"
  %".699" = load double, double* %"acc.t32"
  %".700" = fadd double %".699", %".698"
  store double %".700", double* %"acc.t32"
  %".702" = add nsw i64 %"t32.r.i1", 1
  br label %"t32.r.1.head"
t32.r.1.done:
  %".704" = add nsw i64 %"t32.r.i0", 1
  br label %"t32.r.0.head"
t33.0.head:
  %"t33.i0" = phi  i64 [0, %"t32.0.done"], [%".770", %"t33.1.done"]
  %".725" = icmp slt i64 %"t33.i0", %"N"
  br i1 %".725", label %"t33.0.body", label %"t33.0.done"
t33.0.body:
  br label %"t33.1.head"
t33.0.done:
  store i8 78, i8* %"transa.1"
  store i8 84, i8* %"transb.1"
  store double 0x3ff0000000000000, double* %"alpha.1"
  store double              0x0, double* %"beta.1"
  %".776" = trunc i64 2 to i32
  store i32 %".776", i32* %"m.1"
  %".778" = trunc i64 9 to i32
  store i32 %".778", i32* %"n.1"
  %".780" = mul i64 16, %"N"
  %".781" = trunc i64 %".780" to i32
  store i32 %".781", i32* %"k.1"
  %".783" = icmp slt i64 2, 1
  %".784" = select  i1 %".783", i64 1, i64 2
  %".785" = trunc i64 %".784" to i32
  store i32 %".785", i32* %"lda.1"
  %".787" = icmp slt i64 9, 1
  %".788" = select  i1 %".787", i64 1, i64 9
  %".789" = trunc i64 %".788" to i32
  store i32 %".789", i32* %"ldb.1"
  %".791" = icmp slt i64 2, 1
  %".792" = select  i1 %".791", i64 1, i64 2
  %".793" = trunc i64 %".792" to i32
  store i32 %".793", i32* %"ldc.1"
  call void %"gemm"(i8* %"transa.1", i8* %"transb.1", i32* %"m.1", i32* %"n.1", i32* %"k.1", double* %"alpha.1", ptr %"buf_t33", i32* %"lda.1", ptr %"buf_t2", i32* %"ldb.1", double* %"beta.1", ptr %"buf_t36", i32* %"ldc.1")
  br label %"t38.0.head"
t33.1.head:
  %"t33.i1" = phi  i64 [0, %"t33.0.body"], [%".768", %"t33.2.done"]
  %".728" = icmp slt i64 %"t33.i1", 4
  br i1 %".728", label %"t33.1.body", label %"t33.1.done"
t33.1.body:
  br label %"t33.2.head"
t33.1.done:
  %".770" = add nsw i64 %"t33.i0", 1
  br label %"t33.0.head"
t33.2.head:
  %"t33.i2" = phi  i64 [0, %"t33.1.body"], [%".766", %"t33.3.done"]
  %".731" = icmp slt i64 %"t33.i2", 4
  br i1 %".731", label %"t33.2.body", label %"t33.2.done"
t33.2.body:
  br label %"t33.3.head"
t33.2.done:
  %".768" = add nsw i64 %"t33.i1", 1
  br label %"t33.1.head"
t33.3.head:
  %"t33.i3" = phi  i64 [0, %"t33.2.body"], [%".764", %"t33.3.body"]
  %".734" = icmp slt i64 %"t33.i3", 2
  br i1 %".734", label %"t33.3.body", label %"t33.3.done"
t33.3.body:
  %".736" = mul i64 1, 2
  %".737" = mul i64 %".736", 4
  %".738" = mul i64 %".737", 4
  %".739" = mul i64 %".738", %"N"
  %".740" = mul i64 %"t33.i0", %".738"
  %".741" = add i64 0, %".740"
  %".742" = mul i64 %"t33.i1", %".737"
  %".743" = add i64 %".741", %".742"
  %".744" = mul i64 %"t33.i2", %".736"
  %".745" = add i64 %".743", %".744"
  %".746" = mul i64 %"t33.i3", 1
  %".747" = add i64 %".745", %".746"
  %".748" = mul i64 1, 4
  %".749" = mul i64 %".748", 4
  %".750" = mul i64 %".749", 2
  %".751" = mul i64 %".750", %"N"
  %".752" = mul i64 %"t33.i0", %".750"
  %".753" = add i64 0, %".752"
  %".754" = mul i64 %"t33.i3", %".749"
  %".755" = add i64 %".753", %".754"
  %".756" = mul i64 %"t33.i1", %".748"
  %".757" = add i64 %".755", %".756"
  %".758" = mul i64 %"t33.i2", 1
  %".759" = add i64 %".757", %".758"
  %".760" = getelementptr inbounds double, ptr %"buf_t30", i64 %".759"
  %".761" = load double, ptr %".760"
  %".762" = getelementptr inbounds double, ptr %"buf_t33", i64 %".747"
  store double %".761", ptr %".762"
  %".764" = add nsw i64 %"t33.i3", 1
  br label %"t33.3.head"
t33.3.done:
  %".766" = add nsw i64 %"t33.i2", 1
  br label %"t33.2.head"
t38.0.head:
  %"t38.i0" = phi  i64 [0, %"t33.0.done"], [%".842", %"t38.1.done"]
  %".797" = icmp slt i64 %"t38.i0", 2
  br i1 %".797", label %"t38.0.body", label %"t38.0.done"
t38.0.body:
  br label %"t38.1.head"
t38.0.done:
  ret void
t38.1.head:
  %"t38.i1" = phi  i64 [0, %"t38.0.body"], [%".840", %"t38.2.done"]
  %".800" = icmp slt i64 %"t38.i1", 1
  br i1 %".800", label %"t38.1.body", label %"t38.1.done"
t38.1.body:
  br label %"t38.2.head"
t38.1.done:
  %".842" = add nsw i64 %"t38.i0", 1
  br label %"t38.0.head"
t38.2.head:
  %"t38.i2" = phi  i64 [0, %"t38.1.body"], [%".838", %"t38.3.done"]
  %".803" = icmp slt i64 %"t38.i2", 3
  br i1 %".803", label %"t38.2.body", label %"t38.2.done"
t38.2.body:
  br label %"t38.3.head"
t38.2.done:
  %".840" = add nsw i64 %"t38.i1", 1
  br label %"t38.1.head"
t38.3.head:
  %"t38.i3" = phi  i64 [0, %"t38.2.body"], [%".836", %"t38.3.body"]
  %".806" = icmp slt i64 %"t38.i3", 3
  br i1 %".806", label %"t38.3.body", label %"t38.3.done"
t38.3.body:
  %".808" = mul i64 1, 3
  %".809" = mul i64 %".808", 3
  %".810" = mul i64 %".809", 1
  %".811" = mul i64 %".810", 2
  %".812" = mul i64 %"t38.i0", %".810"
  %".813" = add i64 0, %".812"
  %".814" = mul i64 %"t38.i1", %".809"
  %".815" = add i64 %".813", %".814"
  %".816" = mul i64 %"t38.i2", %".808"
  %".817" = add i64 %".815", %".816"
  %".818" = mul i64 %"t38.i3", 1
  %".819" = add i64 %".817", %".818"
  %".820" = mul i64 0, 1
  %".821" = add i64 %".820", %"t38.i1"
  %".822" = mul i64 %".821", 3
  %".823" = add i64 %".822", %"t38.i2"
  %".824" = mul i64 %".823", 3
  %".825" = add i64 %".824", %"t38.i3"
  %".826" = mul i64 1, 2
  %".827" = mul i64 %".826", 9
  %".828" = mul i64 %".825", %".826"
  %".829" = add i64 0, %".828"
  %".830" = mul i64 %"t38.i0", 1
  %".831" = add i64 %".829", %".830"
  %".832" = getelementptr inbounds double, ptr %"buf_t36", i64 %".831"
  %".833" = load double, ptr %".832"
  %".834" = getelementptr inbounds double, ptr %"buf_t38", i64 %".819"
  store double %".833", ptr %".834"
  %".836" = add nsw i64 %"t38.i3", 1
  br label %"t38.3.head"
t38.3.done:
  %".838" = add nsw i64 %"t38.i2", 1
  br label %"t38.2.head"
}

define internal double @"symgrad.tanh.f64"(double %"x") alwaysinline nounwind readnone
{
entry:
  %"ax" = call double @"llvm.fabs.f64"(double %"x")
  %".3" = fcmp ogt double %"ax", 0x4034000000000000
  %"ax.c.hi" = select  i1 %".3", double 0x4034000000000000, double %"ax"
  %".4" = fcmp olt double %"ax.c.hi",              0x0
  %"ax.c" = select  i1 %".4", double              0x0, double %"ax.c.hi"
  %"ax.large" = fcmp ogt double %"ax.c", 0x3fe193ea7aad030b
  %"2ax" = fadd double %"ax.c", %"ax.c"
  %".5" = fneg double %"2ax"
  %"tanh.arg" = select  i1 %"ax.large", double %"2ax", double %".5"
  %".6" = fcmp ogt double %"tanh.arg", 0x4044800000000000
  %"xc.hi" = select  i1 %".6", double 0x4044800000000000, double %"tanh.arg"
  %".7" = fcmp olt double %"xc.hi", 0xc044800000000000
  %"xc" = select  i1 %".7", double 0xc044800000000000, double %"xc.hi"
  %"n.shifted" = call double @"llvm.fmuladd.f64"(double %"xc", double 0x3ff71547652b82fe, double 0x4338000000000000)
  %"n.f" = fsub double %"n.shifted", 0x4338000000000000
  %".8" = bitcast double %"n.shifted" to i64
  %".9" = bitcast double 0x4338000000000000 to i64
  %"n.i" = sub i64 %".8", %".9"
  %"r.hi" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbfe62e42fee00000, double %"xc")
  %"r" = call double @"llvm.fmuladd.f64"(double %"n.f", double 0xbdea39ef35793c76, double %"r.hi")
  %"q.h0" = call double @"llvm.fmuladd.f64"(double 0x3e220672d926c99b, double %"r", double 0x3e5af5295cff831b)
  %"q.h1" = call double @"llvm.fmuladd.f64"(double %"q.h0", double %"r", double 0x3e927e4533df1a11)
  %"q.h2" = call double @"llvm.fmuladd.f64"(double %"q.h1", double %"r", double 0x3ec71ddffe70d7d8)
  %"q.h3" = call double @"llvm.fmuladd.f64"(double %"q.h2", double %"r", double 0x3efa01a01db7724c)
  %"q.h4" = call double @"llvm.fmuladd.f64"(double %"q.h3", double %"r", double 0x3f2a01a01aca4bd5)
  %"q.h5" = call double @"llvm.fmuladd.f64"(double %"q.h4", double %"r", double 0x3f56c16c16c0dfa4)
  %"q.h6" = call double @"llvm.fmuladd.f64"(double %"q.h5", double %"r", double 0x3f8111111110ff7b)
  %"q.h7" = call double @"llvm.fmuladd.f64"(double %"q.h6", double %"r", double 0x3fa5555555555564)
  %"q.h8" = call double @"llvm.fmuladd.f64"(double %"q.h7", double %"r", double 0x3fc5555555555557)
  %"q.h9" = call double @"llvm.fmuladd.f64"(double %"q.h8", double %"r", double 0x3fe0000000000000)
  %"r2" = fmul double %"r", %"r"
  %"p" = call double @"llvm.fmuladd.f64"(double %"r2", double %"q.h9", double %"r")
  %"s.biased" = add i64 %"n.i", 1023
  %"s.bits" = shl i64 %"s.biased", 52
  %"s" = bitcast i64 %"s.bits" to double
  %"s-1" = fsub double %"s", 0x3ff0000000000000
  %"expm1" = call double @"llvm.fmuladd.f64"(double %"s", double %"p", double %"s-1")
  %"t+2" = fadd double %"expm1", 0x4000000000000000
  %".10" = fneg double %"expm1"
  %".11" = select  i1 %"ax.large", double 0x4000000000000000, double %".10"
  %"q" = fdiv double %".11", %"t+2"
  %".12" = fsub double 0x3ff0000000000000, %"q"
  %"tanh.mag" = select  i1 %"ax.large", double %".12", double %"q"
  %"tanh" = call double @"llvm.copysign.f64"(double %"tanh.mag", double %"x")
  ret double %"tanh"
}

declare double @"llvm.fabs.f64"(double %".1")

declare double @"llvm.fmuladd.f64"(double %".1", double %".2", double %".3")

declare double @"llvm.copysign.f64"(double %".1", double %".2")
