; ModuleID = "symgrad_nd_a428749fa69b"
target triple = "unknown-unknown-unknown"
target datalayout = ""

define void @"kernel"(ptr %"slots", ptr %"dims") nounwind
{
allocas:
  %"pad" = alloca double
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
  %"acc.t31" = alloca double
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
  %"buf_t1" = load ptr, ptr %".9"
  %".10" = getelementptr inbounds ptr, ptr %"slots", i64 5
  %"buf_t2" = load ptr, ptr %".10"
  %".11" = getelementptr inbounds ptr, ptr %"slots", i64 6
  %"buf_t3" = load ptr, ptr %".11"
  %".12" = getelementptr inbounds ptr, ptr %"slots", i64 7
  %"buf_t4" = load ptr, ptr %".12"
  %".13" = getelementptr inbounds ptr, ptr %"slots", i64 8
  %"buf_t5" = load ptr, ptr %".13"
  %".14" = getelementptr inbounds ptr, ptr %"slots", i64 9
  %"buf_t6" = load ptr, ptr %".14"
  %".15" = getelementptr inbounds ptr, ptr %"slots", i64 10
  %"buf_t7" = load ptr, ptr %".15"
  %".16" = getelementptr inbounds ptr, ptr %"slots", i64 11
  %"buf_t8" = load ptr, ptr %".16"
  %".17" = getelementptr inbounds ptr, ptr %"slots", i64 12
  %"buf_t10" = load ptr, ptr %".17"
  %".18" = getelementptr inbounds ptr, ptr %"slots", i64 13
  %"buf_t11" = load ptr, ptr %".18"
  %".19" = getelementptr inbounds ptr, ptr %"slots", i64 14
  %"buf_t12" = load ptr, ptr %".19"
  %".20" = getelementptr inbounds ptr, ptr %"slots", i64 15
  %"buf_t13" = load ptr, ptr %".20"
  %".21" = getelementptr inbounds ptr, ptr %"slots", i64 16
  %"buf_t14" = load ptr, ptr %".21"
  %".22" = getelementptr inbounds ptr, ptr %"slots", i64 17
  %"buf_t15" = load ptr, ptr %".22"
  %".23" = getelementptr inbounds ptr, ptr %"slots", i64 18
  %"buf_t16" = load ptr, ptr %".23"
  %".24" = getelementptr inbounds ptr, ptr %"slots", i64 19
  %"buf_t17" = load ptr, ptr %".24"
  %".25" = getelementptr inbounds ptr, ptr %"slots", i64 20
  %"buf_t18" = load ptr, ptr %".25"
  %".26" = getelementptr inbounds ptr, ptr %"slots", i64 21
  %"buf_t19" = load ptr, ptr %".26"
  %".27" = getelementptr inbounds ptr, ptr %"slots", i64 22
  %"buf_t20" = load ptr, ptr %".27"
  %".28" = getelementptr inbounds ptr, ptr %"slots", i64 23
  %"buf_t21" = load ptr, ptr %".28"
  %".29" = getelementptr inbounds ptr, ptr %"slots", i64 24
  %"buf_t22" = load ptr, ptr %".29"
  %".30" = getelementptr inbounds ptr, ptr %"slots", i64 25
  %"buf_t25" = load ptr, ptr %".30"
  %".31" = getelementptr inbounds ptr, ptr %"slots", i64 26
  %"buf_t26" = load ptr, ptr %".31"
  %".32" = getelementptr inbounds ptr, ptr %"slots", i64 27
  %"buf_t30" = load ptr, ptr %".32"
  %".33" = getelementptr inbounds ptr, ptr %"slots", i64 28
  %"buf_t31" = load ptr, ptr %".33"
  %".34" = getelementptr inbounds ptr, ptr %"slots", i64 29
  %"buf_t32" = load ptr, ptr %".34"
  %".35" = getelementptr inbounds ptr, ptr %"slots", i64 30
  %"buf_t33" = load ptr, ptr %".35"
  %".36" = getelementptr inbounds ptr, ptr %"slots", i64 31
  %"buf_t34" = load ptr, ptr %".36"
  %".37" = getelementptr inbounds ptr, ptr %"slots", i64 32
  %"buf_t35" = load ptr, ptr %".37"
  %".38" = getelementptr inbounds ptr, ptr %"slots", i64 33
  %"buf_t36" = load ptr, ptr %".38"
  %".39" = getelementptr inbounds ptr, ptr %"slots", i64 34
  %"buf_t37" = load ptr, ptr %".39"
  %".40" = getelementptr inbounds ptr, ptr %"slots", i64 35
  %"buf_t38" = load ptr, ptr %".40"
  %".41" = getelementptr inbounds ptr, ptr %"slots", i64 36
  %"gemm" = load void (ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr)*, ptr %".41"
  br label %"t0.0.head"
t0.0.head:
  %"t0.i0" = phi  i64 [0, %"entry"], [%".113", %"t0.1.done"]
  %".43" = icmp slt i64 %"t0.i0", %"N"
  br i1 %".43", label %"t0.0.body", label %"t0.0.done"
t0.0.body:
  br label %"t0.1.head"
t0.0.done:
  br label %"t1.0.head"
t0.1.head:
  %"t0.i1" = phi  i64 [0, %"t0.0.body"], [%".111", %"t0.2.done"]
  %".46" = icmp slt i64 %"t0.i1", 1
  br i1 %".46", label %"t0.1.body", label %"t0.1.done"
t0.1.body:
  br label %"t0.2.head"
t0.1.done:
  %".113" = add nsw i64 %"t0.i0", 1
  br label %"t0.0.head"
t0.2.head:
  %"t0.i2" = phi  i64 [0, %"t0.1.body"], [%".109", %"t0.3.done"]
  %".49" = icmp slt i64 %"t0.i2", 6
  br i1 %".49", label %"t0.2.body", label %"t0.2.done"
t0.2.body:
  br label %"t0.3.head"
t0.2.done:
  %".111" = add nsw i64 %"t0.i1", 1
  br label %"t0.1.head"
t0.3.head:
  %"t0.i3" = phi  i64 [0, %"t0.2.body"], [%".107", %"t0.3.body.endif"]
  %".52" = icmp slt i64 %"t0.i3", 6
  br i1 %".52", label %"t0.3.body", label %"t0.3.done"
t0.3.body:
  %".54" = mul i64 1, 6
  %".55" = mul i64 %".54", 6
  %".56" = mul i64 %".55", 1
  %".57" = mul i64 %".56", %"N"
  %".58" = mul i64 %"t0.i0", %".56"
  %".59" = add i64 0, %".58"
  %".60" = mul i64 %"t0.i1", %".55"
  %".61" = add i64 %".59", %".60"
  %".62" = mul i64 %"t0.i2", %".54"
  %".63" = add i64 %".61", %".62"
  %".64" = mul i64 %"t0.i3", 1
  %".65" = add i64 %".63", %".64"
  %".66" = sub i64 %"t0.i0", 0
  %".67" = icmp sge i64 %".66", 0
  %".68" = icmp slt i64 %".66", %"N"
  %".69" = and i1 %".67", %".68"
  %".70" = and i1 1, %".69"
  %".71" = sub i64 %"t0.i1", 0
  %".72" = icmp sge i64 %".71", 0
  %".73" = icmp slt i64 %".71", 1
  %".74" = and i1 %".72", %".73"
  %".75" = and i1 %".70", %".74"
  %".76" = sub i64 %"t0.i2", 1
  %".77" = icmp sge i64 %".76", 0
  %".78" = icmp slt i64 %".76", 4
  %".79" = and i1 %".77", %".78"
  %".80" = and i1 %".75", %".79"
  %".81" = sub i64 %"t0.i3", 1
  %".82" = icmp sge i64 %".81", 0
  %".83" = icmp slt i64 %".81", 4
  %".84" = and i1 %".82", %".83"
  %".85" = and i1 %".80", %".84"
  store double              0x0, double* %"pad"
  br i1 %".85", label %"t0.3.body.if", label %"t0.3.body.endif"
t0.3.done:
  %".109" = add nsw i64 %"t0.i2", 1
  br label %"t0.2.head"
t0.3.body.if:
  %".88" = mul i64 1, 4
  %".89" = mul i64 %".88", 4
  %".90" = mul i64 %".89", 1
  %".91" = mul i64 %".90", %"N"
  %".92" = mul i64 %".66", %".90"
  %".93" = add i64 0, %".92"
  %".94" = mul i64 %".71", %".89"
  %".95" = add i64 %".93", %".94"
  %".96" = mul i64 %".76", %".88"
  %".97" = add i64 %".95", %".96"
  %".98" = mul i64 %".81", 1
  %".99" = add i64 %".97", %".98"
  %".100" = getelementptr inbounds double, ptr %"buf_x", i64 %".99"
  %".101" = load double, ptr %".100"
  store double %".101", double* %"pad"
  br label %"t0.3.body.endif"
t0.3.body.endif:
  %".104" = load double, double* %"pad"
  %".105" = getelementptr inbounds double, ptr %"buf_t0", i64 %".65"
  store double %".104", ptr %".105"
  %".107" = add nsw i64 %"t0.i3", 1
  br label %"t0.3.head"
t1.0.head:
  %"t1.i0" = phi  i64 [0, %"t0.0.done"], [%".181", %"t1.1.done"]
  %".116" = icmp slt i64 %"t1.i0", %"N"
  br i1 %".116", label %"t1.0.body", label %"t1.0.done"
t1.0.body:
  br label %"t1.1.head"
t1.0.done:
  br label %"t2.0.head"
t1.1.head:
  %"t1.i1" = phi  i64 [0, %"t1.0.body"], [%".179", %"t1.2.done"]
  %".119" = icmp slt i64 %"t1.i1", 1
  br i1 %".119", label %"t1.1.body", label %"t1.1.done"
t1.1.body:
  br label %"t1.2.head"
t1.1.done:
  %".181" = add nsw i64 %"t1.i0", 1
  br label %"t1.0.head"
t1.2.head:
  %"t1.i2" = phi  i64 [0, %"t1.1.body"], [%".177", %"t1.3.done"]
  %".122" = icmp slt i64 %"t1.i2", 4
  br i1 %".122", label %"t1.2.body", label %"t1.2.done"
t1.2.body:
  br label %"t1.3.head"
t1.2.done:
  %".179" = add nsw i64 %"t1.i1", 1
  br label %"t1.1.head"
t1.3.head:
  %"t1.i3" = phi  i64 [0, %"t1.2.body"], [%".175", %"t1.4.done"]
  %".125" = icmp slt i64 %"t1.i3", 4
  br i1 %".125", label %"t1.3.body", label %"t1.3.done"
t1.3.body:
  br label %"t1.4.head"
t1.3.done:
  %".177" = add nsw i64 %"t1.i2", 1
  br label %"t1.2.head"
t1.4.head:
  %"t1.i4" = phi  i64 [0, %"t1.3.body"], [%".173", %"t1.5.done"]
  %".128" = icmp slt i64 %"t1.i4", 3
  br i1 %".128", label %"t1.4.body", label %"t1.4.done"
t1.4.body:
  br label %"t1.5.head"
t1.4.done:
  %".175" = add nsw i64 %"t1.i3", 1
  br label %"t1.3.head"
t1.5.head:
  %"t1.i5" = phi  i64 [0, %"t1.4.body"], [%".171", %"t1.5.body"]
  %".131" = icmp slt i64 %"t1.i5", 3
  br i1 %".131", label %"t1.5.body", label %"t1.5.done"
t1.5.body:
  %".133" = mul i64 1, 3
  %".134" = mul i64 %".133", 3
  %".135" = mul i64 %".134", 4
  %".136" = mul i64 %".135", 4
  %".137" = mul i64 %".136", 1
  %".138" = mul i64 %".137", %"N"
  %".139" = mul i64 %"t1.i0", %".137"
  %".140" = add i64 0, %".139"
  %".141" = mul i64 %"t1.i1", %".136"
  %".142" = add i64 %".140", %".141"
  %".143" = mul i64 %"t1.i2", %".135"
  %".144" = add i64 %".142", %".143"
  %".145" = mul i64 %"t1.i3", %".134"
  %".146" = add i64 %".144", %".145"
  %".147" = mul i64 %"t1.i4", %".133"
  %".148" = add i64 %".146", %".147"
  %".149" = mul i64 %"t1.i5", 1
  %".150" = add i64 %".148", %".149"
  %".151" = mul i64 %"t1.i2", 1
  %".152" = add i64 %".151", %"t1.i4"
  %".153" = mul i64 %"t1.i3", 1
  %".154" = add i64 %".153", %"t1.i5"
  %".155" = mul i64 1, 6
  %".156" = mul i64 %".155", 6
  %".157" = mul i64 %".156", 1
  %".158" = mul i64 %".157", %"N"
  %".159" = mul i64 %"t1.i0", %".157"
  %".160" = add i64 0, %".159"
  %".161" = mul i64 %"t1.i1", %".156"
  %".162" = add i64 %".160", %".161"
  %".163" = mul i64 %".152", %".155"
  %".164" = add i64 %".162", %".163"
  %".165" = mul i64 %".154", 1
  %".166" = add i64 %".164", %".165"
  %".167" = getelementptr inbounds double, ptr %"buf_t0", i64 %".166"
  %".168" = load double, ptr %".167"
  %".169" = getelementptr inbounds double, ptr %"buf_t1", i64 %".150"
  store double %".168", ptr %".169"
  %".171" = add nsw i64 %"t1.i5", 1
  br label %"t1.5.head"
t1.5.done:
  %".173" = add nsw i64 %"t1.i4", 1
  br label %"t1.4.head"
t2.0.head:
  %"t2.i0" = phi  i64 [0, %"t1.0.done"], [%".251", %"t2.1.done"]
  %".184" = icmp slt i64 %"t2.i0", %"N"
  br i1 %".184", label %"t2.0.body", label %"t2.0.done"
t2.0.body:
  br label %"t2.1.head"
t2.0.done:
  %".253" = mul i64 16, %"N"
  br label %"t3.0.head"
t2.1.head:
  %"t2.i1" = phi  i64 [0, %"t2.0.body"], [%".249", %"t2.2.done"]
  %".187" = icmp slt i64 %"t2.i1", 4
  br i1 %".187", label %"t2.1.body", label %"t2.1.done"
t2.1.body:
  br label %"t2.2.head"
t2.1.done:
  %".251" = add nsw i64 %"t2.i0", 1
  br label %"t2.0.head"
t2.2.head:
  %"t2.i2" = phi  i64 [0, %"t2.1.body"], [%".247", %"t2.3.done"]
  %".190" = icmp slt i64 %"t2.i2", 4
  br i1 %".190", label %"t2.2.body", label %"t2.2.done"
t2.2.body:
  br label %"t2.3.head"
t2.2.done:
  %".249" = add nsw i64 %"t2.i1", 1
  br label %"t2.1.head"
t2.3.head:
  %"t2.i3" = phi  i64 [0, %"t2.2.body"], [%".245", %"t2.4.done"]
  %".193" = icmp slt i64 %"t2.i3", 1
  br i1 %".193", label %"t2.3.body", label %"t2.3.done"
t2.3.body:
  br label %"t2.4.head"
t2.3.done:
  %".247" = add nsw i64 %"t2.i2", 1
  br label %"t2.2.head"
t2.4.head:
  %"t2.i4" = phi  i64 [0, %"t2.3.body"], [%".243", %"t2.5.done"]
  %".196" = icmp slt i64 %"t2.i4", 3
  br i1 %".196", label %"t2.4.body", label %"t2.4.done"
t2.4.body:
  br label %"t2.5.head"
t2.4.done:
  %".245" = add nsw i64 %"t2.i3", 1
  br label %"t2.3.head"
t2.5.head:
  %"t2.i5" = phi  i64 [0, %"t2.4.body"], [%".241", %"t2.5.body"]
  %".199" = icmp slt i64 %"t2.i5", 3
  br i1 %".199", label %"t2.5.body", label %"t2.5.done"
t2.5.body:
  %".201" = mul i64 1, 3
  %".202" = mul i64 %".201", 3
  %".203" = mul i64 %".202", 1
  %".204" = mul i64 %".203", 4
  %".205" = mul i64 %".204", 4
  %".206" = mul i64 %".205", %"N"
  %".207" = mul i64 %"t2.i0", %".205"
  %".208" = add i64 0, %".207"
  %".209" = mul i64 %"t2.i1", %".204"
  %".210" = add i64 %".208", %".209"
  %".211" = mul i64 %"t2.i2", %".203"
  %".212" = add i64 %".210", %".211"
  %".213" = mul i64 %"t2.i3", %".202"
  %".214" = add i64 %".212", %".213"
  %".215" = mul i64 %"t2.i4", %".201"
  %".216" = add i64 %".214", %".215"
  %".217" = mul i64 %"t2.i5", 1
  %".218" = add i64 %".216", %".217"
  %".219" = mul i64 1, 3
  %".220" = mul i64 %".219", 3
  %".221" = mul i64 %".220", 4
  %".222" = mul i64 %".221", 4
  %".223" = mul i64 %".222", 1
  %".224" = mul i64 %".223", %"N"
  %".225" = mul i64 %"t2.i0", %".223"
  %".226" = add i64 0, %".225"
  %".227" = mul i64 %"t2.i3", %".222"
  %".228" = add i64 %".226", %".227"
  %".229" = mul i64 %"t2.i1", %".221"
  %".230" = add i64 %".228", %".229"
  %".231" = mul i64 %"t2.i2", %".220"
  %".232" = add i64 %".230", %".231"
  %".233" = mul i64 %"t2.i4", %".219"
  %".234" = add i64 %".232", %".233"
  %".235" = mul i64 %"t2.i5", 1
  %".236" = add i64 %".234", %".235"
  %".237" = getelementptr inbounds double, ptr %"buf_t1", i64 %".236"
  %".238" = load double, ptr %".237"
  %".239" = getelementptr inbounds double, ptr %"buf_t2", i64 %".218"
  store double %".238", ptr %".239"
  %".241" = add nsw i64 %"t2.i5", 1
  br label %"t2.5.head"
t2.5.done:
  %".243" = add nsw i64 %"t2.i4", 1
  br label %"t2.4.head"
t3.0.head:
  %"t3.i0" = phi  i64 [0, %"t2.0.done"], [%".280", %"t3.1.done"]
  %".255" = icmp slt i64 %"t3.i0", %".253"
  br i1 %".255", label %"t3.0.body", label %"t3.0.done"
t3.0.body:
  br label %"t3.1.head"
t3.0.done:
  br label %"t4.0.head"
t3.1.head:
  %"t3.i1" = phi  i64 [0, %"t3.0.body"], [%".278", %"t3.1.body"]
  %".258" = icmp slt i64 %"t3.i1", 9
  br i1 %".258", label %"t3.1.body", label %"t3.1.done"
t3.1.body:
  %".260" = mul i64 1, 9
  %".261" = mul i64 16, %"N"
  %".262" = mul i64 %".260", %".261"
  %".263" = mul i64 %"t3.i0", %".260"
  %".264" = add i64 0, %".263"
  %".265" = mul i64 %"t3.i1", 1
  %".266" = add i64 %".264", %".265"
  %".267" = mul i64 1, 9
  %".268" = mul i64 16, %"N"
  %".269" = mul i64 %".267", %".268"
  %".270" = mul i64 %"t3.i0", %".267"
  %".271" = add i64 0, %".270"
  %".272" = mul i64 %"t3.i1", 1
  %".273" = add i64 %".271", %".272"
  %".274" = getelementptr inbounds double, ptr %"buf_t2", i64 %".273"
  %".275" = load double, ptr %".274"
  %".276" = getelementptr inbounds double, ptr %"buf_t3", i64 %".266"
  store double %".275", ptr %".276"
  %".278" = add nsw i64 %"t3.i1", 1
  br label %"t3.1.head"
t3.1.done:
  %".280" = add nsw i64 %"t3.i0", 1
  br label %"t3.0.head"
t4.0.head:
  %"t4.i0" = phi  i64 [0, %"t3.0.done"], [%".306", %"t4.1.done"]
  %".283" = icmp slt i64 %"t4.i0", 2
  br i1 %".283", label %"t4.0.body", label %"t4.0.done"
t4.0.body:
  br label %"t4.1.head"
t4.0.done:
  br label %"t5.0.head"
t4.1.head:
  %"t4.i1" = phi  i64 [0, %"t4.0.body"], [%".304", %"t4.1.body"]
  %".286" = icmp slt i64 %"t4.i1", 9
  br i1 %".286", label %"t4.1.body", label %"t4.1.done"
t4.1.body:
  %".288" = mul i64 1, 9
  %".289" = mul i64 %".288", 2
  %".290" = mul i64 %"t4.i0", %".288"
  %".291" = add i64 0, %".290"
  %".292" = mul i64 %"t4.i1", 1
  %".293" = add i64 %".291", %".292"
  %".294" = mul i64 1, 9
  %".295" = mul i64 %".294", 2
  %".296" = mul i64 %"t4.i0", %".294"
  %".297" = add i64 0, %".296"
  %".298" = mul i64 %"t4.i1", 1
  %".299" = add i64 %".297", %".298"
  %".300" = getelementptr inbounds double, ptr %"buf_w", i64 %".299"
  %".301" = load double, ptr %".300"
  %".302" = getelementptr inbounds double, ptr %"buf_t4", i64 %".293"
  store double %".301", ptr %".302"
  %".304" = add nsw i64 %"t4.i1", 1
  br label %"t4.1.head"
t4.1.done:
  %".306" = add nsw i64 %"t4.i0", 1
  br label %"t4.0.head"
t5.0.head:
  %"t5.i0" = phi  i64 [0, %"t4.0.done"], [%".332", %"t5.1.done"]
  %".309" = icmp slt i64 %"t5.i0", 9
  br i1 %".309", label %"t5.0.body", label %"t5.0.done"
t5.0.body:
  br label %"t5.1.head"
t5.0.done:
  store i8 78, i8* %"transa"
  store i8 78, i8* %"transb"
  store double 0x3ff0000000000000, double* %"alpha"
  store double              0x0, double* %"beta"
  %".338" = trunc i64 2 to i32
  store i32 %".338", i32* %"m"
  %".340" = mul i64 16, %"N"
  %".341" = trunc i64 %".340" to i32
  store i32 %".341", i32* %"n"
  %".343" = trunc i64 9 to i32
  store i32 %".343", i32* %"k"
  %".345" = icmp slt i64 2, 1
  %".346" = select  i1 %".345", i64 1, i64 2
  %".347" = trunc i64 %".346" to i32
  store i32 %".347", i32* %"lda"
  %".349" = icmp slt i64 9, 1
  %".350" = select  i1 %".349", i64 1, i64 9
  %".351" = trunc i64 %".350" to i32
  store i32 %".351", i32* %"ldb"
  %".353" = icmp slt i64 2, 1
  %".354" = select  i1 %".353", i64 1, i64 2
  %".355" = trunc i64 %".354" to i32
  store i32 %".355", i32* %"ldc"
  call void %"gemm"(i8* %"transa", i8* %"transb", i32* %"m", i32* %"n", i32* %"k", double* %"alpha", ptr %"buf_t5", i32* %"lda", ptr %"buf_t3", i32* %"ldb", double* %"beta", ptr %"buf_t6", i32* %"ldc")
  br label %"t7.0.head"
t5.1.head:
  %"t5.i1" = phi  i64 [0, %"t5.0.body"], [%".330", %"t5.1.body"]
  %".312" = icmp slt i64 %"t5.i1", 2
  br i1 %".312", label %"t5.1.body", label %"t5.1.done"
t5.1.body:
  %".314" = mul i64 1, 2
  %".315" = mul i64 %".314", 9
  %".316" = mul i64 %"t5.i0", %".314"
  %".317" = add i64 0, %".316"
  %".318" = mul i64 %"t5.i1", 1
  %".319" = add i64 %".317", %".318"
  %".320" = mul i64 1, 9
  %".321" = mul i64 %".320", 2
  %".322" = mul i64 %"t5.i1", %".320"
  %".323" = add i64 0, %".322"
  %".324" = mul i64 %"t5.i0", 1
  %".325" = add i64 %".323", %".324"
  %".326" = getelementptr inbounds double, ptr %"buf_t4", i64 %".325"
  %".327" = load double, ptr %".326"
  %".328" = getelementptr inbounds double, ptr %"buf_t5", i64 %".319"
  store double %".327", ptr %".328"
  %".330" = add nsw i64 %"t5.i1", 1
  br label %"t5.1.head"
t5.1.done:
  %".332" = add nsw i64 %"t5.i0", 1
  br label %"t5.0.head"
t7.0.head:
  %"t7.i0" = phi  i64 [0, %"t5.0.done"], [%".404", %"t7.1.done"]
  %".359" = icmp slt i64 %"t7.i0", %"N"
  br i1 %".359", label %"t7.0.body", label %"t7.0.done"
t7.0.body:
  br label %"t7.1.head"
t7.0.done:
  br label %"t8.0.head"
t7.1.head:
  %"t7.i1" = phi  i64 [0, %"t7.0.body"], [%".402", %"t7.2.done"]
  %".362" = icmp slt i64 %"t7.i1", 4
  br i1 %".362", label %"t7.1.body", label %"t7.1.done"
t7.1.body:
  br label %"t7.2.head"
t7.1.done:
  %".404" = add nsw i64 %"t7.i0", 1
  br label %"t7.0.head"
t7.2.head:
  %"t7.i2" = phi  i64 [0, %"t7.1.body"], [%".400", %"t7.3.done"]
  %".365" = icmp slt i64 %"t7.i2", 4
  br i1 %".365", label %"t7.2.body", label %"t7.2.done"
t7.2.body:
  br label %"t7.3.head"
t7.2.done:
  %".402" = add nsw i64 %"t7.i1", 1
  br label %"t7.1.head"
t7.3.head:
  %"t7.i3" = phi  i64 [0, %"t7.2.body"], [%".398", %"t7.3.body"]
  %".368" = icmp slt i64 %"t7.i3", 2
  br i1 %".368", label %"t7.3.body", label %"t7.3.done"
t7.3.body:
  %".370" = mul i64 1, 2
  %".371" = mul i64 %".370", 4
  %".372" = mul i64 %".371", 4
  %".373" = mul i64 %".372", %"N"
  %".374" = mul i64 %"t7.i0", %".372"
  %".375" = add i64 0, %".374"
  %".376" = mul i64 %"t7.i1", %".371"
  %".377" = add i64 %".375", %".376"
  %".378" = mul i64 %"t7.i2", %".370"
  %".379" = add i64 %".377", %".378"
  %".380" = mul i64 %"t7.i3", 1
  %".381" = add i64 %".379", %".380"
  %".382" = mul i64 1, 2
  %".383" = mul i64 %".382", 4
  %".384" = mul i64 %".383", 4
  %".385" = mul i64 %".384", %"N"
  %".386" = mul i64 %"t7.i0", %".384"
  %".387" = add i64 0, %".386"
  %".388" = mul i64 %"t7.i1", %".383"
  %".389" = add i64 %".387", %".388"
  %".390" = mul i64 %"t7.i2", %".382"
  %".391" = add i64 %".389", %".390"
  %".392" = mul i64 %"t7.i3", 1
  %".393" = add i64 %".391", %".392"
  %".394" = getelementptr inbounds double, ptr %"buf_t6", i64 %".393"
  %".395" = load double, ptr %".394"
  %".396" = getelementptr inbounds double, ptr %"buf_t7", i64 %".381"
  store double %".395", ptr %".396"
  %".398" = add nsw i64 %"t7.i3", 1
  br label %"t7.3.head"
t7.3.done:
  %".400" = add nsw i64 %"t7.i2", 1
  br label %"t7.2.head"
t8.0.head:
  %"t8.i0" = phi  i64 [0, %"t7.0.done"], [%".452", %"t8.1.done"]
  %".407" = icmp slt i64 %"t8.i0", %"N"
  br i1 %".407", label %"t8.0.body", label %"t8.0.done"
t8.0.body:
  br label %"t8.1.head"
t8.0.done:
  br label %"t10.0.head"
t8.1.head:
  %"t8.i1" = phi  i64 [0, %"t8.0.body"], [%".450", %"t8.2.done"]
  %".410" = icmp slt i64 %"t8.i1", 2
  br i1 %".410", label %"t8.1.body", label %"t8.1.done"
t8.1.body:
  br label %"t8.2.head"
t8.1.done:
  %".452" = add nsw i64 %"t8.i0", 1
  br label %"t8.0.head"
t8.2.head:
  %"t8.i2" = phi  i64 [0, %"t8.1.body"], [%".448", %"t8.3.done"]
  %".413" = icmp slt i64 %"t8.i2", 4
  br i1 %".413", label %"t8.2.body", label %"t8.2.done"
t8.2.body:
  br label %"t8.3.head"
t8.2.done:
  %".450" = add nsw i64 %"t8.i1", 1
  br label %"t8.1.head"
t8.3.head:
  %"t8.i3" = phi  i64 [0, %"t8.2.body"], [%".446", %"t8.3.body"]
  %".416" = icmp slt i64 %"t8.i3", 4
  br i1 %".416", label %"t8.3.body", label %"t8.3.done"
t8.3.body:
  %".418" = mul i64 1, 4
  %".419" = mul i64 %".418", 4
  %".420" = mul i64 %".419", 2
  %".421" = mul i64 %".420", %"N"
  %".422" = mul i64 %"t8.i0", %".420"
  %".423" = add i64 0, %".422"
  %".424" = mul i64 %"t8.i1", %".419"
  %".425" = add i64 %".423", %".424"
  %".426" = mul i64 %"t8.i2", %".418"
  %".427" = add i64 %".425", %".426"
  %".428" = mul i64 %"t8.i3", 1
  %".429" = add i64 %".427", %".428"
  %".430" = mul i64 1, 2
  %".431" = mul i64 %".430", 4
  %".432" = mul i64 %".431", 4
  %".433" = mul i64 %".432", %"N"
  %".434" = mul i64 %"t8.i0", %".432"
  %".435" = add i64 0, %".434"
  %".436" = mul i64 %"t8.i2", %".431"
  %".437" = add i64 %".435", %".436"
  %".438" = mul i64 %"t8.i3", %".430"
  %".439" = add i64 %".437", %".438"
  %".440" = mul i64 %"t8.i1", 1
  %".441" = add i64 %".439", %".440"
  %".442" = getelementptr inbounds double, ptr %"buf_t7", i64 %".441"
  %".443" = load double, ptr %".442"
  %".444" = getelementptr inbounds double, ptr %"buf_t8", i64 %".429"
  store double %".443", ptr %".444"
  %".446" = add nsw i64 %"t8.i3", 1
  br label %"t8.3.head"
t8.3.done:
  %".448" = add nsw i64 %"t8.i2", 1
  br label %"t8.2.head"
t10.0.head:
  %"t10.i0" = phi  i64 [0, %"t8.0.done"], [%".508", %"t10.1.done"]
  %".455" = icmp slt i64 %"t10.i0", %"N"
  br i1 %".455", label %"t10.0.body", label %"t10.0.done"
t10.0.body:
  br label %"t10.1.head"
t10.0.done:
  br label %"t11.0.head"
t10.1.head:
  %"t10.i1" = phi  i64 [0, %"t10.0.body"], [%".506", %"t10.2.done"]
  %".458" = icmp slt i64 %"t10.i1", 2
  br i1 %".458", label %"t10.1.body", label %"t10.1.done"
t10.1.body:
  br label %"t10.2.head"
t10.1.done:
  %".508" = add nsw i64 %"t10.i0", 1
  br label %"t10.0.head"
t10.2.head:
  %"t10.i2" = phi  i64 [0, %"t10.1.body"], [%".504", %"t10.3.done"]
  %".461" = icmp slt i64 %"t10.i2", 4
  br i1 %".461", label %"t10.2.body", label %"t10.2.done"
t10.2.body:
  br label %"t10.3.head"
t10.2.done:
  %".506" = add nsw i64 %"t10.i1", 1
  br label %"t10.1.head"
t10.3.head:
  %"t10.i3" = phi  i64 [0, %"t10.2.body"], [%".502", %"t10.3.body"]
  %".464" = icmp slt i64 %"t10.i3", 4
  br i1 %".464", label %"t10.3.body", label %"t10.3.done"
t10.3.body:
  %".466" = mul i64 1, 4
  %".467" = mul i64 %".466", 4
  %".468" = mul i64 %".467", 2
  %".469" = mul i64 %".468", %"N"
  %".470" = mul i64 %"t10.i0", %".468"
  %".471" = add i64 0, %".470"
  %".472" = mul i64 %"t10.i1", %".467"
  %".473" = add i64 %".471", %".472"
  %".474" = mul i64 %"t10.i2", %".466"
  %".475" = add i64 %".473", %".474"
  %".476" = mul i64 %"t10.i3", 1
  %".477" = add i64 %".475", %".476"
  %".478" = mul i64 1, 1
  %".479" = mul i64 %".478", 1
  %".480" = mul i64 %".479", 2
  %".481" = mul i64 %"t10.i1", %".479"
  %".482" = add i64 0, %".481"
  %".483" = getelementptr inbounds double, ptr %"buf_b", i64 %".482"
  %".484" = load double, ptr %".483"
  %".485" = mul i64 1, 4
  %".486" = mul i64 %".485", 4
  %".487" = mul i64 %".486", 2
  %".488" = mul i64 %".487", %"N"
  %".489" = mul i64 %"t10.i0", %".487"
  %".490" = add i64 0, %".489"
  %".491" = mul i64 %"t10.i1", %".486"
  %".492" = add i64 %".490", %".491"
  %".493" = mul i64 %"t10.i2", %".485"
  %".494" = add i64 %".492", %".493"
  %".495" = mul i64 %"t10.i3", 1
  %".496" = add i64 %".494", %".495"
  %".497" = getelementptr inbounds double, ptr %"buf_t8", i64 %".496"
  %".498" = load double, ptr %".497"
  %".499" = fadd double %".484", %".498"
  %"tanh" = call double @"symgrad.tanh.f64"(double %".499")
  %".500" = getelementptr inbounds double, ptr %"buf_t10", i64 %".477"
  store double %"tanh", ptr %".500"
  %".502" = add nsw i64 %"t10.i3", 1
  br label %"t10.3.head"
t10.3.done:
  %".504" = add nsw i64 %"t10.i2", 1
  br label %"t10.2.head"
t11.0.head:
  %"t11.i0" = phi  i64 [0, %"t10.0.done"], [%".576", %"t11.1.done"]
  %".511" = icmp slt i64 %"t11.i0", %"N"
  br i1 %".511", label %"t11.0.body", label %"t11.0.done"
t11.0.body:
  br label %"t11.1.head"
t11.0.done:
  br label %"t12.0.head"
t11.1.head:
  %"t11.i1" = phi  i64 [0, %"t11.0.body"], [%".574", %"t11.2.done"]
  %".514" = icmp slt i64 %"t11.i1", 2
  br i1 %".514", label %"t11.1.body", label %"t11.1.done"
t11.1.body:
  br label %"t11.2.head"
t11.1.done:
  %".576" = add nsw i64 %"t11.i0", 1
  br label %"t11.0.head"
t11.2.head:
  %"t11.i2" = phi  i64 [0, %"t11.1.body"], [%".572", %"t11.3.done"]
  %".517" = icmp slt i64 %"t11.i2", 2
  br i1 %".517", label %"t11.2.body", label %"t11.2.done"
t11.2.body:
  br label %"t11.3.head"
t11.2.done:
  %".574" = add nsw i64 %"t11.i1", 1
  br label %"t11.1.head"
t11.3.head:
  %"t11.i3" = phi  i64 [0, %"t11.2.body"], [%".570", %"t11.4.done"]
  %".520" = icmp slt i64 %"t11.i3", 2
  br i1 %".520", label %"t11.3.body", label %"t11.3.done"
t11.3.body:
  br label %"t11.4.head"
t11.3.done:
  %".572" = add nsw i64 %"t11.i2", 1
  br label %"t11.2.head"
t11.4.head:
  %"t11.i4" = phi  i64 [0, %"t11.3.body"], [%".568", %"t11.5.done"]
  %".523" = icmp slt i64 %"t11.i4", 2
  br i1 %".523", label %"t11.4.body", label %"t11.4.done"
t11.4.body:
  br label %"t11.5.head"
t11.4.done:
  %".570" = add nsw i64 %"t11.i3", 1
  br label %"t11.3.head"
t11.5.head:
  %"t11.i5" = phi  i64 [0, %"t11.4.body"], [%".566", %"t11.5.body"]
  %".526" = icmp slt i64 %"t11.i5", 2
  br i1 %".526", label %"t11.5.body", label %"t11.5.done"
t11.5.body:
  %".528" = mul i64 1, 2
  %".529" = mul i64 %".528", 2
  %".530" = mul i64 %".529", 2
  %".531" = mul i64 %".530", 2
  %".532" = mul i64 %".531", 2
  %".533" = mul i64 %".532", %"N"
  %".534" = mul i64 %"t11.i0", %".532"
  %".535" = add i64 0, %".534"
  %".536" = mul i64 %"t11.i1", %".531"
  %".537" = add i64 %".535", %".536"
  %".538" = mul i64 %"t11.i2", %".530"
  %".539" = add i64 %".537", %".538"
  %".540" = mul i64 %"t11.i3", %".529"
  %".541" = add i64 %".539", %".540"
  %".542" = mul i64 %"t11.i4", %".528"
  %".543" = add i64 %".541", %".542"
  %".544" = mul i64 %"t11.i5", 1
  %".545" = add i64 %".543", %".544"
  %".546" = mul i64 %"t11.i2", 2
  %".547" = add i64 %".546", %"t11.i4"
  %".548" = mul i64 %"t11.i3", 2
  %".549" = add i64 %".548", %"t11.i5"
  %".550" = mul i64 1, 4
  %".551" = mul i64 %".550", 4
  %".552" = mul i64 %".551", 2
  %".553" = mul i64 %".552", %"N"
  %".554" = mul i64 %"t11.i0", %".552"
  %".555" = add i64 0, %".554"
  %".556" = mul i64 %"t11.i1", %".551"
  %".557" = add i64 %".555", %".556"
  %".558" = mul i64 %".547", %".550"
  %".559" = add i64 %".557", %".558"
  %".560" = mul i64 %".549", 1
  %".561" = add i64 %".559", %".560"
  %".562" = getelementptr inbounds double, ptr %"buf_t10", i64 %".561"
  %".563" = load double, ptr %".562"
  %".564" = getelementptr inbounds double, ptr %"buf_t11", i64 %".545"
  store double %".563", ptr %".564"
  %".566" = add nsw i64 %"t11.i5", 1
  br label %"t11.5.head"
t11.5.done:
  %".568" = add nsw i64 %"t11.i4", 1
  br label %"t11.4.head"
t12.0.head:
  %"t12.i0" = phi  i64 [0, %"t11.0.done"], [%".646", %"t12.1.done"]
  %".579" = icmp slt i64 %"t12.i0", %"N"
  br i1 %".579", label %"t12.0.body", label %"t12.0.done"
t12.0.body:
  br label %"t12.1.head"
t12.0.done:
  br label %"t13.0.head"
t12.1.head:
  %"t12.i1" = phi  i64 [0, %"t12.0.body"], [%".644", %"t12.2.done"]
  %".582" = icmp slt i64 %"t12.i1", 2
  br i1 %".582", label %"t12.1.body", label %"t12.1.done"
t12.1.body:
  br label %"t12.2.head"
t12.1.done:
  %".646" = add nsw i64 %"t12.i0", 1
  br label %"t12.0.head"
t12.2.head:
  %"t12.i2" = phi  i64 [0, %"t12.1.body"], [%".642", %"t12.3.done"]
  %".585" = icmp slt i64 %"t12.i2", 2
  br i1 %".585", label %"t12.2.body", label %"t12.2.done"
t12.2.body:
  br label %"t12.3.head"
t12.2.done:
  %".644" = add nsw i64 %"t12.i1", 1
  br label %"t12.1.head"
t12.3.head:
  %"t12.i3" = phi  i64 [0, %"t12.2.body"], [%".640", %"t12.r.0.done"]
  %".588" = icmp slt i64 %"t12.i3", 2
  br i1 %".588", label %"t12.3.body", label %"t12.3.done"
t12.3.body:
  store double 0xfff0000000000000, double* %"acc.t12"
  br label %"t12.r.0.head"
t12.3.done:
  %".642" = add nsw i64 %"t12.i2", 1
  br label %"t12.2.head"
t12.r.0.head:
  %"t12.r.i0" = phi  i64 [0, %"t12.3.body"], [%".623", %"t12.r.1.done"]
  %".592" = icmp slt i64 %"t12.r.i0", 2
  br i1 %".592", label %"t12.r.0.body", label %"t12.r.0.done"
t12.r.0.body:
  br label %"t12.r.1.head"
t12.r.0.done:
  %".625" = mul i64 1, 2
  %".626" = mul i64 %".625", 2
  %".627" = mul i64 %".626", 2
  %".628" = mul i64 %".627", %"N"
  %".629" = mul i64 %"t12.i0", %".627"
  %".630" = add i64 0, %".629"
  %".631" = mul i64 %"t12.i1", %".626"
  %".632" = add i64 %".630", %".631"
  %".633" = mul i64 %"t12.i2", %".625"
  %".634" = add i64 %".632", %".633"
  %".635" = mul i64 %"t12.i3", 1
  %".636" = add i64 %".634", %".635"
  %".637" = load double, double* %"acc.t12"
  %".638" = getelementptr inbounds double, ptr %"buf_t12", i64 %".636"
  store double %".637", ptr %".638"
  %".640" = add nsw i64 %"t12.i3", 1
  br label %"t12.3.head"
t12.r.1.head:
  %"t12.r.i1" = phi  i64 [0, %"t12.r.0.body"], [%".621", %"t12.r.1.body"]
  %".595" = icmp slt i64 %"t12.r.i1", 2
  br i1 %".595", label %"t12.r.1.body", label %"t12.r.1.done"
t12.r.1.body:
  %".597" = mul i64 1, 2
  %".598" = mul i64 %".597", 2
  %".599" = mul i64 %".598", 2
  %".600" = mul i64 %".599", 2
  %".601" = mul i64 %".600", 2
  %".602" = mul i64 %".601", %"N"
  %".603" = mul i64 %"t12.i0", %".601"
  %".604" = add i64 0, %".603"
  %".605" = mul i64 %"t12.i1", %".600"
  %".606" = add i64 %".604", %".605"
  %".607" = mul i64 %"t12.i2", %".599"
  %".608" = add i64 %".606", %".607"
  %".609" = mul i64 %"t12.i3", %".598"
  %".610" = add i64 %".608", %".609"
  %".611" = mul i64 %"t12.r.i0", %".597"
  %".612" = add i64 %".610", %".611"
  %".613" = mul i64 %"t12.r.i1", 1
  %".614" = add i64 %".612", %".613"
  %".615" = getelementptr inbounds double, ptr %"buf_t11", i64 %".614"
  %".616" = load double, ptr %".615"
  %".617" = load double, double* %"acc.t12"
  %".618" = fcmp oge double %".616", %".617"
  %"isnan" = fcmp uno double %".616", %".616"
  %".619" = or i1 %".618", %"isnan"
  %"max" = select  i1 %".619", double %".616", double %".617"
  store double %"max", double* %"acc.t12"
  %".621" = add nsw i64 %"t12.r.i1", 1
  br label %"t12.r.1.head"
t12.r.1.done:
  %".623" = add nsw i64 %"t12.r.i0", 1
  br label %"t12.r.0.head"
t13.0.head:
  %"t13.i0" = phi  i64 [0, %"t12.0.done"], [%".709", %"t13.1.done"]
  %".649" = icmp slt i64 %"t13.i0", %"N"
  br i1 %".649", label %"t13.0.body", label %"t13.0.done"
t13.0.body:
  br label %"t13.1.head"
t13.0.done:
  store double              0x0, double* %"acc.t14"
  br label %"t14.r.0.head"
t13.1.head:
  %"t13.i1" = phi  i64 [0, %"t13.0.body"], [%".707", %"t13.2.done"]
  %".652" = icmp slt i64 %"t13.i1", 2
  br i1 %".652", label %"t13.1.body", label %"t13.1.done"
t13.1.body:
  br label %"t13.2.head"
t13.1.done:
  %".709" = add nsw i64 %"t13.i0", 1
  br label %"t13.0.head"
t13.2.head:
  %"t13.i2" = phi  i64 [0, %"t13.1.body"], [%".705", %"t13.3.done"]
  %".655" = icmp slt i64 %"t13.i2", 2
  br i1 %".655", label %"t13.2.body", label %"t13.2.done"
t13.2.body:
  br label %"t13.3.head"
t13.2.done:
  %".707" = add nsw i64 %"t13.i1", 1
  br label %"t13.1.head"
t13.3.head:
  %"t13.i3" = phi  i64 [0, %"t13.2.body"], [%".703", %"t13.3.body"]
  %".658" = icmp slt i64 %"t13.i3", 2
  br i1 %".658", label %"t13.3.body", label %"t13.3.done"
t13.3.body:
  %".660" = mul i64 1, 2
  %".661" = mul i64 %".660", 2
  %".662" = mul i64 %".661", 2
  %".663" = mul i64 %".662", %"N"
  %".664" = mul i64 %"t13.i0", %".662"
  %".665" = add i64 0, %".664"
  %".666" = mul i64 %"t13.i1", %".661"
  %".667" = add i64 %".665", %".666"
  %".668" = mul i64 %"t13.i2", %".660"
  %".669" = add i64 %".667", %".668"
  %".670" = mul i64 %"t13.i3", 1
  %".671" = add i64 %".669", %".670"
  %".672" = mul i64 1, 2
  %".673" = mul i64 %".672", 2
  %".674" = mul i64 %".673", 2
  %".675" = mul i64 %".674", %"N"
  %".676" = mul i64 %"t13.i0", %".674"
  %".677" = add i64 0, %".676"
  %".678" = mul i64 %"t13.i1", %".673"
  %".679" = add i64 %".677", %".678"
  %".680" = mul i64 %"t13.i2", %".672"
  %".681" = add i64 %".679", %".680"
  %".682" = mul i64 %"t13.i3", 1
  %".683" = add i64 %".681", %".682"
  %".684" = getelementptr inbounds double, ptr %"buf_t12", i64 %".683"
  %".685" = load double, ptr %".684"
  %".686" = mul i64 1, 2
  %".687" = mul i64 %".686", 2
  %".688" = mul i64 %".687", 2
  %".689" = mul i64 %".688", %"N"
  %".690" = mul i64 %"t13.i0", %".688"
  %".691" = add i64 0, %".690"
  %".692" = mul i64 %"t13.i1", %".687"
  %".693" = add i64 %".691", %".692"
  %".694" = mul i64 %"t13.i2", %".686"
  %".695" = add i64 %".693", %".694"
  %".696" = mul i64 %"t13.i3", 1
  %".697" = add i64 %".695", %".696"
  %".698" = getelementptr inbounds double, ptr %"buf_t12", i64 %".697"
  %".699" = load double, ptr %".698"
  %".700" = fmul double %".685", %".699"
  %".701" = getelementptr inbounds double, ptr %"buf_t13", i64 %".671"
  store double %".700", ptr %".701"
  %".703" = add nsw i64 %"t13.i3", 1
  br label %"t13.3.head"
t13.3.done:
  %".705" = add nsw i64 %"t13.i2", 1
  br label %"t13.2.head"
t14.r.0.head:
  %"t14.r.i0" = phi  i64 [0, %"t13.0.done"], [%".747", %"t14.r.1.done"]
  %".713" = icmp slt i64 %"t14.r.i0", %"N"
  br i1 %".713", label %"t14.r.0.body", label %"t14.r.0.done"
t14.r.0.body:
  br label %"t14.r.1.head"
t14.r.0.done:
  %".749" = load double, double* %"acc.t14"
  %".750" = getelementptr inbounds double, ptr %"buf_t14", i64 0
  store double %".749", ptr %".750"
  br label %"t15.0.head"
t14.r.1.head:
  %"t14.r.i1" = phi  i64 [0, %"t14.r.0.body"], [%".745", %"t14.r.2.done"]
  %".716" = icmp slt i64 %"t14.r.i1", 2
  br i1 %".716", label %"t14.r.1.body", label %"t14.r.1.done"
t14.r.1.body:
  br label %"t14.r.2.head"
t14.r.1.done:
  %".747" = add nsw i64 %"t14.r.i0", 1
  br label %"t14.r.0.head"
t14.r.2.head:
  %"t14.r.i2" = phi  i64 [0, %"t14.r.1.body"], [%".743", %"t14.r.3.done"]
  %".719" = icmp slt i64 %"t14.r.i2", 2
  br i1 %".719", label %"t14.r.2.body", label %"t14.r.2.done"
t14.r.2.body:
  br label %"t14.r.3.head"
t14.r.2.done:
  %".745" = add nsw i64 %"t14.r.i1", 1
  br label %"t14.r.1.head"
t14.r.3.head:
  %"t14.r.i3" = phi  i64 [0, %"t14.r.2.body"], [%".741", %"t14.r.3.body"]
  %".722" = icmp slt i64 %"t14.r.i3", 2
  br i1 %".722", label %"t14.r.3.body", label %"t14.r.3.done"
t14.r.3.body:
  %".724" = mul i64 1, 2
  %".725" = mul i64 %".724", 2
  %".726" = mul i64 %".725", 2
  %".727" = mul i64 %".726", %"N"
  %".728" = mul i64 %"t14.r.i0", %".726"
  %".729" = add i64 0, %".728"
  %".730" = mul i64 %"t14.r.i1", %".725"
  %".731" = add i64 %".729", %".730"
  %".732" = mul i64 %"t14.r.i2", %".724"
  %".733" = add i64 %".731", %".732"
  %".734" = mul i64 %"t14.r.i3", 1
  %".735" = add i64 %".733", %".734"
  %".736" = getelementptr inbounds double, ptr %"buf_t13", i64 %".735"
  %".737" = load double, ptr %".736"
  %".738" = load double, double* %"acc.t14"
  %".739" = fadd double %".738", %".737"
  store double %".739", double* %"acc.t14"
  %".741" = add nsw i64 %"t14.r.i3", 1
  br label %"t14.r.3.head"
t14.r.3.done:
  %".743" = add nsw i64 %"t14.r.i2", 1
  br label %"t14.r.2.head"
t15.0.head:
  %"t15.i0" = phi  i64 [0, %"t14.r.0.done"], [%".799", %"t15.1.done"]
  %".753" = icmp slt i64 %"t15.i0", %"N"
  br i1 %".753", label %"t15.0.body", label %"t15.0.done"
t15.0.body:
  br label %"t15.1.head"
t15.0.done:
  br label %"t16.0.head"
t15.1.head:
  %"t15.i1" = phi  i64 [0, %"t15.0.body"], [%".797", %"t15.2.done"]
  %".756" = icmp slt i64 %"t15.i1", 2
  br i1 %".756", label %"t15.1.body", label %"t15.1.done"
t15.1.body:
  br label %"t15.2.head"
t15.1.done:
  %".799" = add nsw i64 %"t15.i0", 1
  br label %"t15.0.head"
t15.2.head:
  %"t15.i2" = phi  i64 [0, %"t15.1.body"], [%".795", %"t15.3.done"]
  %".759" = icmp slt i64 %"t15.i2", 2
  br i1 %".759", label %"t15.2.body", label %"t15.2.done"
t15.2.body:
  br label %"t15.3.head"
t15.2.done:
  %".797" = add nsw i64 %"t15.i1", 1
  br label %"t15.1.head"
t15.3.head:
  %"t15.i3" = phi  i64 [0, %"t15.2.body"], [%".793", %"t15.3.body"]
  %".762" = icmp slt i64 %"t15.i3", 2
  br i1 %".762", label %"t15.3.body", label %"t15.3.done"
t15.3.body:
  %".764" = mul i64 1, 2
  %".765" = mul i64 %".764", 2
  %".766" = mul i64 %".765", 2
  %".767" = mul i64 %".766", %"N"
  %".768" = mul i64 %"t15.i0", %".766"
  %".769" = add i64 0, %".768"
  %".770" = mul i64 %"t15.i1", %".765"
  %".771" = add i64 %".769", %".770"
  %".772" = mul i64 %"t15.i2", %".764"
  %".773" = add i64 %".771", %".772"
  %".774" = mul i64 %"t15.i3", 1
  %".775" = add i64 %".773", %".774"
  %".776" = mul i64 1, 2
  %".777" = mul i64 %".776", 2
  %".778" = mul i64 %".777", 2
  %".779" = mul i64 %".778", %"N"
  %".780" = mul i64 %"t15.i0", %".778"
  %".781" = add i64 0, %".780"
  %".782" = mul i64 %"t15.i1", %".777"
  %".783" = add i64 %".781", %".782"
  %".784" = mul i64 %"t15.i2", %".776"
  %".785" = add i64 %".783", %".784"
  %".786" = mul i64 %"t15.i3", 1
  %".787" = add i64 %".785", %".786"
  %".788" = getelementptr inbounds double, ptr %"buf_t12", i64 %".787"
  %".789" = load double, ptr %".788"
  %".790" = fmul double %".789", 0x4000000000000000
  %".791" = getelementptr inbounds double, ptr %"buf_t15", i64 %".775"
  store double %".790", ptr %".791"
  %".793" = add nsw i64 %"t15.i3", 1
  br label %"t15.3.head"
t15.3.done:
  %".795" = add nsw i64 %"t15.i2", 1
  br label %"t15.2.head"
t16.0.head:
  %"t16.i0" = phi  i64 [0, %"t15.0.done"], [%".869", %"t16.1.done"]
  %".802" = icmp slt i64 %"t16.i0", %"N"
  br i1 %".802", label %"t16.0.body", label %"t16.0.done"
t16.0.body:
  br label %"t16.1.head"
t16.0.done:
  br label %"t17.0.head"
t16.1.head:
  %"t16.i1" = phi  i64 [0, %"t16.0.body"], [%".867", %"t16.2.done"]
  %".805" = icmp slt i64 %"t16.i1", 2
  br i1 %".805", label %"t16.1.body", label %"t16.1.done"
t16.1.body:
  br label %"t16.2.head"
t16.1.done:
  %".869" = add nsw i64 %"t16.i0", 1
  br label %"t16.0.head"
t16.2.head:
  %"t16.i2" = phi  i64 [0, %"t16.1.body"], [%".865", %"t16.3.done"]
  %".808" = icmp slt i64 %"t16.i2", 2
  br i1 %".808", label %"t16.2.body", label %"t16.2.done"
t16.2.body:
  br label %"t16.3.head"
t16.2.done:
  %".867" = add nsw i64 %"t16.i1", 1
  br label %"t16.1.head"
t16.3.head:
  %"t16.i3" = phi  i64 [0, %"t16.2.body"], [%".863", %"t16.4.done"]
  %".811" = icmp slt i64 %"t16.i3", 2
  br i1 %".811", label %"t16.3.body", label %"t16.3.done"
t16.3.body:
  br label %"t16.4.head"
t16.3.done:
  %".865" = add nsw i64 %"t16.i2", 1
  br label %"t16.2.head"
t16.4.head:
  %"t16.i4" = phi  i64 [0, %"t16.3.body"], [%".861", %"t16.5.done"]
  %".814" = icmp slt i64 %"t16.i4", 1
  br i1 %".814", label %"t16.4.body", label %"t16.4.done"
t16.4.body:
  br label %"t16.5.head"
t16.4.done:
  %".863" = add nsw i64 %"t16.i3", 1
  br label %"t16.3.head"
t16.5.head:
  %"t16.i5" = phi  i64 [0, %"t16.4.body"], [%".859", %"t16.5.body"]
  %".817" = icmp slt i64 %"t16.i5", 1
  br i1 %".817", label %"t16.5.body", label %"t16.5.done"
t16.5.body:
  %".819" = mul i64 1, 1
  %".820" = mul i64 %".819", 1
  %".821" = mul i64 %".820", 2
  %".822" = mul i64 %".821", 2
  %".823" = mul i64 %".822", 2
  %".824" = mul i64 %".823", %"N"
  %".825" = mul i64 %"t16.i0", %".823"
  %".826" = add i64 0, %".825"
  %".827" = mul i64 %"t16.i1", %".822"
  %".828" = add i64 %".826", %".827"
  %".829" = mul i64 %"t16.i2", %".821"
  %".830" = add i64 %".828", %".829"
  %".831" = mul i64 %"t16.i3", %".820"
  %".832" = add i64 %".830", %".831"
  %".833" = mul i64 %"t16.i4", %".819"
  %".834" = add i64 %".832", %".833"
  %".835" = mul i64 %"t16.i5", 1
  %".836" = add i64 %".834", %".835"
  %".837" = mul i64 1, 1
  %".838" = mul i64 %".837", 1
  %".839" = mul i64 %".838", 2
  %".840" = mul i64 %".839", 2
  %".841" = mul i64 %".840", 2
  %".842" = mul i64 %".841", %"N"
  %".843" = mul i64 %"t16.i0", %".841"
  %".844" = add i64 0, %".843"
  %".845" = mul i64 %"t16.i1", %".840"
  %".846" = add i64 %".844", %".845"
  %".847" = mul i64 %"t16.i2", %".839"
  %".848" = add i64 %".846", %".847"
  %".849" = mul i64 %"t16.i3", %".838"
  %".850" = add i64 %".848", %".849"
  %".851" = mul i64 %"t16.i4", %".837"
  %".852" = add i64 %".850", %".851"
  %".853" = mul i64 %"t16.i5", 1
  %".854" = add i64 %".852", %".853"
  %".855" = getelementptr inbounds double, ptr %"buf_t12", i64 %".854"
  %".856" = load double, ptr %".855"
  %".857" = getelementptr inbounds double, ptr %"buf_t16", i64 %".836"
  store double %".856", ptr %".857"
  %".859" = add nsw i64 %"t16.i5", 1
  br label %"t16.5.head"
t16.5.done:
  %".861" = add nsw i64 %"t16.i4", 1
  br label %"t16.4.head"
t17.0.head:
  %"t17.i0" = phi  i64 [0, %"t16.0.done"], [%".935", %"t17.1.done"]
  %".872" = icmp slt i64 %"t17.i0", %"N"
  br i1 %".872", label %"t17.0.body", label %"t17.0.done"
t17.0.body:
  br label %"t17.1.head"
t17.0.done:
  br label %"t18.0.head"
t17.1.head:
  %"t17.i1" = phi  i64 [0, %"t17.0.body"], [%".933", %"t17.2.done"]
  %".875" = icmp slt i64 %"t17.i1", 2
  br i1 %".875", label %"t17.1.body", label %"t17.1.done"
t17.1.body:
  br label %"t17.2.head"
t17.1.done:
  %".935" = add nsw i64 %"t17.i0", 1
  br label %"t17.0.head"
t17.2.head:
  %"t17.i2" = phi  i64 [0, %"t17.1.body"], [%".931", %"t17.3.done"]
  %".878" = icmp slt i64 %"t17.i2", 2
  br i1 %".878", label %"t17.2.body", label %"t17.2.done"
t17.2.body:
  br label %"t17.3.head"
t17.2.done:
  %".933" = add nsw i64 %"t17.i1", 1
  br label %"t17.1.head"
t17.3.head:
  %"t17.i3" = phi  i64 [0, %"t17.2.body"], [%".929", %"t17.4.done"]
  %".881" = icmp slt i64 %"t17.i3", 2
  br i1 %".881", label %"t17.3.body", label %"t17.3.done"
t17.3.body:
  br label %"t17.4.head"
t17.3.done:
  %".931" = add nsw i64 %"t17.i2", 1
  br label %"t17.2.head"
t17.4.head:
  %"t17.i4" = phi  i64 [0, %"t17.3.body"], [%".927", %"t17.5.done"]
  %".884" = icmp slt i64 %"t17.i4", 2
  br i1 %".884", label %"t17.4.body", label %"t17.4.done"
t17.4.body:
  br label %"t17.5.head"
t17.4.done:
  %".929" = add nsw i64 %"t17.i3", 1
  br label %"t17.3.head"
t17.5.head:
  %"t17.i5" = phi  i64 [0, %"t17.4.body"], [%".925", %"t17.5.body"]
  %".887" = icmp slt i64 %"t17.i5", 2
  br i1 %".887", label %"t17.5.body", label %"t17.5.done"
t17.5.body:
  %".889" = mul i64 1, 2
  %".890" = mul i64 %".889", 2
  %".891" = mul i64 %".890", 2
  %".892" = mul i64 %".891", 2
  %".893" = mul i64 %".892", 2
  %".894" = mul i64 %".893", %"N"
  %".895" = mul i64 %"t17.i0", %".893"
  %".896" = add i64 0, %".895"
  %".897" = mul i64 %"t17.i1", %".892"
  %".898" = add i64 %".896", %".897"
  %".899" = mul i64 %"t17.i2", %".891"
  %".900" = add i64 %".898", %".899"
  %".901" = mul i64 %"t17.i3", %".890"
  %".902" = add i64 %".900", %".901"
  %".903" = mul i64 %"t17.i4", %".889"
  %".904" = add i64 %".902", %".903"
  %".905" = mul i64 %"t17.i5", 1
  %".906" = add i64 %".904", %".905"
  %".907" = mul i64 1, 1
  %".908" = mul i64 %".907", 1
  %".909" = mul i64 %".908", 2
  %".910" = mul i64 %".909", 2
  %".911" = mul i64 %".910", 2
  %".912" = mul i64 %".911", %"N"
  %".913" = mul i64 %"t17.i0", %".911"
  %".914" = add i64 0, %".913"
  %".915" = mul i64 %"t17.i1", %".910"
  %".916" = add i64 %".914", %".915"
  %".917" = mul i64 %"t17.i2", %".909"
  %".918" = add i64 %".916", %".917"
  %".919" = mul i64 %"t17.i3", %".908"
  %".920" = add i64 %".918", %".919"
  %".921" = getelementptr inbounds double, ptr %"buf_t16", i64 %".920"
  %".922" = load double, ptr %".921"
  %".923" = getelementptr inbounds double, ptr %"buf_t17", i64 %".906"
  store double %".922", ptr %".923"
  %".925" = add nsw i64 %"t17.i5", 1
  br label %"t17.5.head"
t17.5.done:
  %".927" = add nsw i64 %"t17.i4", 1
  br label %"t17.4.head"
t18.0.head:
  %"t18.i0" = phi  i64 [0, %"t17.0.done"], [%".1027", %"t18.1.done"]
  %".938" = icmp slt i64 %"t18.i0", %"N"
  br i1 %".938", label %"t18.0.body", label %"t18.0.done"
t18.0.body:
  br label %"t18.1.head"
t18.0.done:
  br label %"t19.0.head"
t18.1.head:
  %"t18.i1" = phi  i64 [0, %"t18.0.body"], [%".1025", %"t18.2.done"]
  %".941" = icmp slt i64 %"t18.i1", 2
  br i1 %".941", label %"t18.1.body", label %"t18.1.done"
t18.1.body:
  br label %"t18.2.head"
t18.1.done:
  %".1027" = add nsw i64 %"t18.i0", 1
  br label %"t18.0.head"
t18.2.head:
  %"t18.i2" = phi  i64 [0, %"t18.1.body"], [%".1023", %"t18.3.done"]
  %".944" = icmp slt i64 %"t18.i2", 2
  br i1 %".944", label %"t18.2.body", label %"t18.2.done"
t18.2.body:
  br label %"t18.3.head"
t18.2.done:
  %".1025" = add nsw i64 %"t18.i1", 1
  br label %"t18.1.head"
t18.3.head:
  %"t18.i3" = phi  i64 [0, %"t18.2.body"], [%".1021", %"t18.4.done"]
  %".947" = icmp slt i64 %"t18.i3", 2
  br i1 %".947", label %"t18.3.body", label %"t18.3.done"
t18.3.body:
  br label %"t18.4.head"
t18.3.done:
  %".1023" = add nsw i64 %"t18.i2", 1
  br label %"t18.2.head"
t18.4.head:
  %"t18.i4" = phi  i64 [0, %"t18.3.body"], [%".1019", %"t18.5.done"]
  %".950" = icmp slt i64 %"t18.i4", 2
  br i1 %".950", label %"t18.4.body", label %"t18.4.done"
t18.4.body:
  br label %"t18.5.head"
t18.4.done:
  %".1021" = add nsw i64 %"t18.i3", 1
  br label %"t18.3.head"
t18.5.head:
  %"t18.i5" = phi  i64 [0, %"t18.4.body"], [%".1017", %"t18.5.body"]
  %".953" = icmp slt i64 %"t18.i5", 2
  br i1 %".953", label %"t18.5.body", label %"t18.5.done"
t18.5.body:
  %".955" = mul i64 1, 2
  %".956" = mul i64 %".955", 2
  %".957" = mul i64 %".956", 2
  %".958" = mul i64 %".957", 2
  %".959" = mul i64 %".958", 2
  %".960" = mul i64 %".959", %"N"
  %".961" = mul i64 %"t18.i0", %".959"
  %".962" = add i64 0, %".961"
  %".963" = mul i64 %"t18.i1", %".958"
  %".964" = add i64 %".962", %".963"
  %".965" = mul i64 %"t18.i2", %".957"
  %".966" = add i64 %".964", %".965"
  %".967" = mul i64 %"t18.i3", %".956"
  %".968" = add i64 %".966", %".967"
  %".969" = mul i64 %"t18.i4", %".955"
  %".970" = add i64 %".968", %".969"
  %".971" = mul i64 %"t18.i5", 1
  %".972" = add i64 %".970", %".971"
  %".973" = mul i64 1, 2
  %".974" = mul i64 %".973", 2
  %".975" = mul i64 %".974", 2
  %".976" = mul i64 %".975", 2
  %".977" = mul i64 %".976", 2
  %".978" = mul i64 %".977", %"N"
  %".979" = mul i64 %"t18.i0", %".977"
  %".980" = add i64 0, %".979"
  %".981" = mul i64 %"t18.i1", %".976"
  %".982" = add i64 %".980", %".981"
  %".983" = mul i64 %"t18.i2", %".975"
  %".984" = add i64 %".982", %".983"
  %".985" = mul i64 %"t18.i3", %".974"
  %".986" = add i64 %".984", %".985"
  %".987" = mul i64 %"t18.i4", %".973"
  %".988" = add i64 %".986", %".987"
  %".989" = mul i64 %"t18.i5", 1
  %".990" = add i64 %".988", %".989"
  %".991" = getelementptr inbounds double, ptr %"buf_t11", i64 %".990"
  %".992" = load double, ptr %".991"
  %".993" = mul i64 1, 2
  %".994" = mul i64 %".993", 2
  %".995" = mul i64 %".994", 2
  %".996" = mul i64 %".995", 2
  %".997" = mul i64 %".996", 2
  %".998" = mul i64 %".997", %"N"
  %".999" = mul i64 %"t18.i0", %".997"
  %".1000" = add i64 0, %".999"
  %".1001" = mul i64 %"t18.i1", %".996"
  %".1002" = add i64 %".1000", %".1001"
  %".1003" = mul i64 %"t18.i2", %".995"
  %".1004" = add i64 %".1002", %".1003"
  %".1005" = mul i64 %"t18.i3", %".994"
  %".1006" = add i64 %".1004", %".1005"
  %".1007" = mul i64 %"t18.i4", %".993"
  %".1008" = add i64 %".1006", %".1007"
  %".1009" = mul i64 %"t18.i5", 1
  %".1010" = add i64 %".1008", %".1009"
  %".1011" = getelementptr inbounds double, ptr %"buf_t17", i64 %".1010"
  %".1012" = load double, ptr %".1011"
  %".1013" = fcmp oeq double %".992", %".1012"
  %".1014" = getelementptr inbounds double, ptr %"buf_t18", i64 %".972"
  %".1015" = uitofp i1 %".1013" to double
  store double %".1015", ptr %".1014"
  %".1017" = add nsw i64 %"t18.i5", 1
  br label %"t18.5.head"
t18.5.done:
  %".1019" = add nsw i64 %"t18.i4", 1
  br label %"t18.4.head"
t19.0.head:
  %"t19.i0" = phi  i64 [0, %"t18.0.done"], [%".1099", %"t19.1.done"]
  %".1030" = icmp slt i64 %"t19.i0", %"N"
  br i1 %".1030", label %"t19.0.body", label %"t19.0.done"
t19.0.body:
  br label %"t19.1.head"
t19.0.done:
  br label %"t20.0.head"
t19.1.head:
  %"t19.i1" = phi  i64 [0, %"t19.0.body"], [%".1097", %"t19.2.done"]
  %".1033" = icmp slt i64 %"t19.i1", 2
  br i1 %".1033", label %"t19.1.body", label %"t19.1.done"
t19.1.body:
  br label %"t19.2.head"
t19.1.done:
  %".1099" = add nsw i64 %"t19.i0", 1
  br label %"t19.0.head"
t19.2.head:
  %"t19.i2" = phi  i64 [0, %"t19.1.body"], [%".1095", %"t19.3.done"]
  %".1036" = icmp slt i64 %"t19.i2", 2
  br i1 %".1036", label %"t19.2.body", label %"t19.2.done"
t19.2.body:
  br label %"t19.3.head"
t19.2.done:
  %".1097" = add nsw i64 %"t19.i1", 1
  br label %"t19.1.head"
t19.3.head:
  %"t19.i3" = phi  i64 [0, %"t19.2.body"], [%".1093", %"t19.4.done"]
  %".1039" = icmp slt i64 %"t19.i3", 2
  br i1 %".1039", label %"t19.3.body", label %"t19.3.done"
t19.3.body:
  br label %"t19.4.head"
t19.3.done:
  %".1095" = add nsw i64 %"t19.i2", 1
  br label %"t19.2.head"
t19.4.head:
  %"t19.i4" = phi  i64 [0, %"t19.3.body"], [%".1091", %"t19.5.done"]
  %".1042" = icmp slt i64 %"t19.i4", 2
  br i1 %".1042", label %"t19.4.body", label %"t19.4.done"
t19.4.body:
  br label %"t19.5.head"
t19.4.done:
  %".1093" = add nsw i64 %"t19.i3", 1
  br label %"t19.3.head"
t19.5.head:
  %"t19.i5" = phi  i64 [0, %"t19.4.body"], [%".1089", %"t19.5.body"]
  %".1045" = icmp slt i64 %"t19.i5", 2
  br i1 %".1045", label %"t19.5.body", label %"t19.5.done"
t19.5.body:
  %".1047" = mul i64 1, 2
  %".1048" = mul i64 %".1047", 2
  %".1049" = mul i64 %".1048", 2
  %".1050" = mul i64 %".1049", 2
  %".1051" = mul i64 %".1050", 2
  %".1052" = mul i64 %".1051", %"N"
  %".1053" = mul i64 %"t19.i0", %".1051"
  %".1054" = add i64 0, %".1053"
  %".1055" = mul i64 %"t19.i1", %".1050"
  %".1056" = add i64 %".1054", %".1055"
  %".1057" = mul i64 %"t19.i2", %".1049"
  %".1058" = add i64 %".1056", %".1057"
  %".1059" = mul i64 %"t19.i3", %".1048"
  %".1060" = add i64 %".1058", %".1059"
  %".1061" = mul i64 %"t19.i4", %".1047"
  %".1062" = add i64 %".1060", %".1061"
  %".1063" = mul i64 %"t19.i5", 1
  %".1064" = add i64 %".1062", %".1063"
  %".1065" = mul i64 1, 2
  %".1066" = mul i64 %".1065", 2
  %".1067" = mul i64 %".1066", 2
  %".1068" = mul i64 %".1067", 2
  %".1069" = mul i64 %".1068", 2
  %".1070" = mul i64 %".1069", %"N"
  %".1071" = mul i64 %"t19.i0", %".1069"
  %".1072" = add i64 0, %".1071"
  %".1073" = mul i64 %"t19.i1", %".1068"
  %".1074" = add i64 %".1072", %".1073"
  %".1075" = mul i64 %"t19.i2", %".1067"
  %".1076" = add i64 %".1074", %".1075"
  %".1077" = mul i64 %"t19.i3", %".1066"
  %".1078" = add i64 %".1076", %".1077"
  %".1079" = mul i64 %"t19.i4", %".1065"
  %".1080" = add i64 %".1078", %".1079"
  %".1081" = mul i64 %"t19.i5", 1
  %".1082" = add i64 %".1080", %".1081"
  %".1083" = getelementptr inbounds double, ptr %"buf_t18", i64 %".1082"
  %".1084" = load double, ptr %".1083"
  %".1085" = fcmp une double %".1084",              0x0
  %".1086" = select  i1 %".1085", double 0x3ff0000000000000, double              0x0
  %".1087" = getelementptr inbounds double, ptr %"buf_t19", i64 %".1064"
  store double %".1086", ptr %".1087"
  %".1089" = add nsw i64 %"t19.i5", 1
  br label %"t19.5.head"
t19.5.done:
  %".1091" = add nsw i64 %"t19.i4", 1
  br label %"t19.4.head"
t20.0.head:
  %"t20.i0" = phi  i64 [0, %"t19.0.done"], [%".1184", %"t20.1.done"]
  %".1102" = icmp slt i64 %"t20.i0", %"N"
  br i1 %".1102", label %"t20.0.body", label %"t20.0.done"
t20.0.body:
  br label %"t20.1.head"
t20.0.done:
  br label %"t21.0.head"
t20.1.head:
  %"t20.i1" = phi  i64 [0, %"t20.0.body"], [%".1182", %"t20.2.done"]
  %".1105" = icmp slt i64 %"t20.i1", 2
  br i1 %".1105", label %"t20.1.body", label %"t20.1.done"
t20.1.body:
  br label %"t20.2.head"
t20.1.done:
  %".1184" = add nsw i64 %"t20.i0", 1
  br label %"t20.0.head"
t20.2.head:
  %"t20.i2" = phi  i64 [0, %"t20.1.body"], [%".1180", %"t20.3.done"]
  %".1108" = icmp slt i64 %"t20.i2", 2
  br i1 %".1108", label %"t20.2.body", label %"t20.2.done"
t20.2.body:
  br label %"t20.3.head"
t20.2.done:
  %".1182" = add nsw i64 %"t20.i1", 1
  br label %"t20.1.head"
t20.3.head:
  %"t20.i3" = phi  i64 [0, %"t20.2.body"], [%".1178", %"t20.4.done"]
  %".1111" = icmp slt i64 %"t20.i3", 2
  br i1 %".1111", label %"t20.3.body", label %"t20.3.done"
t20.3.body:
  br label %"t20.4.head"
t20.3.done:
  %".1180" = add nsw i64 %"t20.i2", 1
  br label %"t20.2.head"
t20.4.head:
  %"t20.i4" = phi  i64 [0, %"t20.3.body"], [%".1176", %"t20.5.done"]
  %".1114" = icmp slt i64 %"t20.i4", 1
  br i1 %".1114", label %"t20.4.body", label %"t20.4.done"
t20.4.body:
  br label %"t20.5.head"
t20.4.done:
  %".1178" = add nsw i64 %"t20.i3", 1
  br label %"t20.3.head"
t20.5.head:
  %"t20.i5" = phi  i64 [0, %"t20.4.body"], [%".1174", %"t20.r.0.done"]
  %".1117" = icmp slt i64 %"t20.i5", 1
  br i1 %".1117", label %"t20.5.body", label %"t20.5.done"
t20.5.body:
  store double              0x0, double* %"acc.t20"
  br label %"t20.r.0.head"
t20.5.done:
  %".1176" = add nsw i64 %"t20.i4", 1
  br label %"t20.4.head"
t20.r.0.head:
  %"t20.r.i0" = phi  i64 [0, %"t20.5.body"], [%".1151", %"t20.r.1.done"]
  %".1121" = icmp slt i64 %"t20.r.i0", 2
  br i1 %".1121", label %"t20.r.0.body", label %"t20.r.0.done"
t20.r.0.body:
  br label %"t20.r.1.head"
t20.r.0.done:
  %".1153" = mul i64 1, 1
  %".1154" = mul i64 %".1153", 1
  %".1155" = mul i64 %".1154", 2
  %".1156" = mul i64 %".1155", 2
  %".1157" = mul i64 %".1156", 2
  %".1158" = mul i64 %".1157", %"N"
  %".1159" = mul i64 %"t20.i0", %".1157"
  %".1160" = add i64 0, %".1159"
  %".1161" = mul i64 %"t20.i1", %".1156"
  %".1162" = add i64 %".1160", %".1161"
  %".1163" = mul i64 %"t20.i2", %".1155"
  %".1164" = add i64 %".1162", %".1163"
  %".1165" = mul i64 %"t20.i3", %".1154"
  %".1166" = add i64 %".1164", %".1165"
  %".1167" = mul i64 %"t20.i4", %".1153"
  %".1168" = add i64 %".1166", %".1167"
  %".1169" = mul i64 %"t20.i5", 1
  %".1170" = add i64 %".1168", %".1169"
  %".1171" = load double, double* %"acc.t20"
  %".1172" = getelementptr inbounds double, ptr %"buf_t20", i64 %".1170"
  store double %".1171", ptr %".1172"
  %".1174" = add nsw i64 %"t20.i5", 1
  br label %"t20.5.head"
t20.r.1.head:
  %"t20.r.i1" = phi  i64 [0, %"t20.r.0.body"], [%".1149", %"t20.r.1.body"]
  %".1124" = icmp slt i64 %"t20.r.i1", 2
  br i1 %".1124", label %"t20.r.1.body", label %"t20.r.1.done"
t20.r.1.body:
  %".1126" = mul i64 1, 2
  %".1127" = mul i64 %".1126", 2
  %".1128" = mul i64 %".1127", 2
  %".1129" = mul i64 %".1128", 2
  %".1130" = mul i64 %".1129", 2
  %".1131" = mul i64 %".1130", %"N"
  %".1132" = mul i64 %"t20.i0", %".1130"
  %".1133" = add i64 0, %".1132"
  %".1134" = mul i64 %"t20.i1", %".1129"
  %".1135" = add i64 %".1133", %".1134"
  %".1136" = mul i64 %"t20.i2", %".1128"
  %".1137" = add i64 %".1135", %".1136"
  %".1138" = mul i64 %"t20.i3", %".1127"
  %".1139" = add i64 %".1137", %".1138"
  %".1140" = mul i64 %"t20.r.i0", %".1126"
  %".1141" = add i64 %".1139", %".1140"
  %".1142" = mul i64 %"t20.r.i1", 1
  %".1143" = add i64 %".1141", %".1142"
  %".1144" = getelementptr inbounds double, ptr %"buf_t19", i64 %".1143"
  %".1145" = load double, ptr %".1144"
  %".1146" = load double, double* %"acc.t20"
  %".1147" = fadd double %".1146", %".1145"
  store double %".1147", double* %"acc.t20"
  %".1149" = add nsw i64 %"t20.r.i1", 1
  br label %"t20.r.1.head"
t20.r.1.done:
  %".1151" = add nsw i64 %"t20.r.i0", 1
  br label %"t20.r.0.head"
t21.0.head:
  %"t21.i0" = phi  i64 [0, %"t20.0.done"], [%".1254", %"t21.1.done"]
  %".1187" = icmp slt i64 %"t21.i0", %"N"
  br i1 %".1187", label %"t21.0.body", label %"t21.0.done"
t21.0.body:
  br label %"t21.1.head"
t21.0.done:
  br label %"t22.0.head"
t21.1.head:
  %"t21.i1" = phi  i64 [0, %"t21.0.body"], [%".1252", %"t21.2.done"]
  %".1190" = icmp slt i64 %"t21.i1", 2
  br i1 %".1190", label %"t21.1.body", label %"t21.1.done"
t21.1.body:
  br label %"t21.2.head"
t21.1.done:
  %".1254" = add nsw i64 %"t21.i0", 1
  br label %"t21.0.head"
t21.2.head:
  %"t21.i2" = phi  i64 [0, %"t21.1.body"], [%".1250", %"t21.3.done"]
  %".1193" = icmp slt i64 %"t21.i2", 2
  br i1 %".1193", label %"t21.2.body", label %"t21.2.done"
t21.2.body:
  br label %"t21.3.head"
t21.2.done:
  %".1252" = add nsw i64 %"t21.i1", 1
  br label %"t21.1.head"
t21.3.head:
  %"t21.i3" = phi  i64 [0, %"t21.2.body"], [%".1248", %"t21.4.done"]
  %".1196" = icmp slt i64 %"t21.i3", 2
  br i1 %".1196", label %"t21.3.body", label %"t21.3.done"
t21.3.body:
  br label %"t21.4.head"
t21.3.done:
  %".1250" = add nsw i64 %"t21.i2", 1
  br label %"t21.2.head"
t21.4.head:
  %"t21.i4" = phi  i64 [0, %"t21.3.body"], [%".1246", %"t21.5.done"]
  %".1199" = icmp slt i64 %"t21.i4", 1
  br i1 %".1199", label %"t21.4.body", label %"t21.4.done"
t21.4.body:
  br label %"t21.5.head"
t21.4.done:
  %".1248" = add nsw i64 %"t21.i3", 1
  br label %"t21.3.head"
t21.5.head:
  %"t21.i5" = phi  i64 [0, %"t21.4.body"], [%".1244", %"t21.5.body"]
  %".1202" = icmp slt i64 %"t21.i5", 1
  br i1 %".1202", label %"t21.5.body", label %"t21.5.done"
t21.5.body:
  %".1204" = mul i64 1, 1
  %".1205" = mul i64 %".1204", 1
  %".1206" = mul i64 %".1205", 2
  %".1207" = mul i64 %".1206", 2
  %".1208" = mul i64 %".1207", 2
  %".1209" = mul i64 %".1208", %"N"
  %".1210" = mul i64 %"t21.i0", %".1208"
  %".1211" = add i64 0, %".1210"
  %".1212" = mul i64 %"t21.i1", %".1207"
  %".1213" = add i64 %".1211", %".1212"
  %".1214" = mul i64 %"t21.i2", %".1206"
  %".1215" = add i64 %".1213", %".1214"
  %".1216" = mul i64 %"t21.i3", %".1205"
  %".1217" = add i64 %".1215", %".1216"
  %".1218" = mul i64 %"t21.i4", %".1204"
  %".1219" = add i64 %".1217", %".1218"
  %".1220" = mul i64 %"t21.i5", 1
  %".1221" = add i64 %".1219", %".1220"
  %".1222" = mul i64 1, 1
  %".1223" = mul i64 %".1222", 1
  %".1224" = mul i64 %".1223", 2
  %".1225" = mul i64 %".1224", 2
  %".1226" = mul i64 %".1225", 2
  %".1227" = mul i64 %".1226", %"N"
  %".1228" = mul i64 %"t21.i0", %".1226"
  %".1229" = add i64 0, %".1228"
  %".1230" = mul i64 %"t21.i1", %".1225"
  %".1231" = add i64 %".1229", %".1230"
  %".1232" = mul i64 %"t21.i2", %".1224"
  %".1233" = add i64 %".1231", %".1232"
  %".1234" = mul i64 %"t21.i3", %".1223"
  %".1235" = add i64 %".1233", %".1234"
  %".1236" = mul i64 %"t21.i4", %".1222"
  %".1237" = add i64 %".1235", %".1236"
  %".1238" = mul i64 %"t21.i5", 1
  %".1239" = add i64 %".1237", %".1238"
  %".1240" = getelementptr inbounds double, ptr %"buf_t15", i64 %".1239"
  %".1241" = load double, ptr %".1240"
  %".1242" = getelementptr inbounds double, ptr %"buf_t21", i64 %".1221"
  store double %".1241", ptr %".1242"
  %".1244" = add nsw i64 %"t21.i5", 1
  br label %"t21.5.head"
t21.5.done:
  %".1246" = add nsw i64 %"t21.i4", 1
  br label %"t21.4.head"
t22.0.head:
  %"t22.i0" = phi  i64 [0, %"t21.0.done"], [%".1320", %"t22.1.done"]
  %".1257" = icmp slt i64 %"t22.i0", %"N"
  br i1 %".1257", label %"t22.0.body", label %"t22.0.done"
t22.0.body:
  br label %"t22.1.head"
t22.0.done:
  br label %"t25.0.head"
t22.1.head:
  %"t22.i1" = phi  i64 [0, %"t22.0.body"], [%".1318", %"t22.2.done"]
  %".1260" = icmp slt i64 %"t22.i1", 2
  br i1 %".1260", label %"t22.1.body", label %"t22.1.done"
t22.1.body:
  br label %"t22.2.head"
t22.1.done:
  %".1320" = add nsw i64 %"t22.i0", 1
  br label %"t22.0.head"
t22.2.head:
  %"t22.i2" = phi  i64 [0, %"t22.1.body"], [%".1316", %"t22.3.done"]
  %".1263" = icmp slt i64 %"t22.i2", 2
  br i1 %".1263", label %"t22.2.body", label %"t22.2.done"
t22.2.body:
  br label %"t22.3.head"
t22.2.done:
  %".1318" = add nsw i64 %"t22.i1", 1
  br label %"t22.1.head"
t22.3.head:
  %"t22.i3" = phi  i64 [0, %"t22.2.body"], [%".1314", %"t22.4.done"]
  %".1266" = icmp slt i64 %"t22.i3", 2
  br i1 %".1266", label %"t22.3.body", label %"t22.3.done"
t22.3.body:
  br label %"t22.4.head"
t22.3.done:
  %".1316" = add nsw i64 %"t22.i2", 1
  br label %"t22.2.head"
t22.4.head:
  %"t22.i4" = phi  i64 [0, %"t22.3.body"], [%".1312", %"t22.5.done"]
  %".1269" = icmp slt i64 %"t22.i4", 2
  br i1 %".1269", label %"t22.4.body", label %"t22.4.done"
t22.4.body:
  br label %"t22.5.head"
t22.4.done:
  %".1314" = add nsw i64 %"t22.i3", 1
  br label %"t22.3.head"
t22.5.head:
  %"t22.i5" = phi  i64 [0, %"t22.4.body"], [%".1310", %"t22.5.body"]
  %".1272" = icmp slt i64 %"t22.i5", 2
  br i1 %".1272", label %"t22.5.body", label %"t22.5.done"
t22.5.body:
  %".1274" = mul i64 1, 2
  %".1275" = mul i64 %".1274", 2
  %".1276" = mul i64 %".1275", 2
  %".1277" = mul i64 %".1276", 2
  %".1278" = mul i64 %".1277", 2
  %".1279" = mul i64 %".1278", %"N"
  %".1280" = mul i64 %"t22.i0", %".1278"
  %".1281" = add i64 0, %".1280"
  %".1282" = mul i64 %"t22.i1", %".1277"
  %".1283" = add i64 %".1281", %".1282"
  %".1284" = mul i64 %"t22.i2", %".1276"
  %".1285" = add i64 %".1283", %".1284"
  %".1286" = mul i64 %"t22.i3", %".1275"
  %".1287" = add i64 %".1285", %".1286"
  %".1288" = mul i64 %"t22.i4", %".1274"
  %".1289" = add i64 %".1287", %".1288"
  %".1290" = mul i64 %"t22.i5", 1
  %".1291" = add i64 %".1289", %".1290"
  %".1292" = mul i64 1, 1
  %".1293" = mul i64 %".1292", 1
  %".1294" = mul i64 %".1293", 2
  %".1295" = mul i64 %".1294", 2
  %".1296" = mul i64 %".1295", 2
  %".1297" = mul i64 %".1296", %"N"
  %".1298" = mul i64 %"t22.i0", %".1296"
  %".1299" = add i64 0, %".1298"
  %".1300" = mul i64 %"t22.i1", %".1295"
  %".1301" = add i64 %".1299", %".1300"
  %".1302" = mul i64 %"t22.i2", %".1294"
  %".1303" = add i64 %".1301", %".1302"
  %".1304" = mul i64 %"t22.i3", %".1293"
  %".1305" = add i64 %".1303", %".1304"
  %".1306" = getelementptr inbounds double, ptr %"buf_t20", i64 %".1305"
  %".1307" = load double, ptr %".1306"
  %".1308" = getelementptr inbounds double, ptr %"buf_t22", i64 %".1291"
  store double %".1307", ptr %".1308"
  %".1310" = add nsw i64 %"t22.i5", 1
  br label %"t22.5.head"
t22.5.done:
  %".1312" = add nsw i64 %"t22.i4", 1
  br label %"t22.4.head"
t25.0.head:
  %"t25.i0" = phi  i64 [0, %"t22.0.done"], [%".1430", %"t25.1.done"]
  %".1323" = icmp slt i64 %"t25.i0", %"N"
  br i1 %".1323", label %"t25.0.body", label %"t25.0.done"
t25.0.body:
  br label %"t25.1.head"
t25.0.done:
  br label %"t26.zero.0.head"
t25.1.head:
  %"t25.i1" = phi  i64 [0, %"t25.0.body"], [%".1428", %"t25.2.done"]
  %".1326" = icmp slt i64 %"t25.i1", 2
  br i1 %".1326", label %"t25.1.body", label %"t25.1.done"
t25.1.body:
  br label %"t25.2.head"
t25.1.done:
  %".1430" = add nsw i64 %"t25.i0", 1
  br label %"t25.0.head"
t25.2.head:
  %"t25.i2" = phi  i64 [0, %"t25.1.body"], [%".1426", %"t25.3.done"]
  %".1329" = icmp slt i64 %"t25.i2", 2
  br i1 %".1329", label %"t25.2.body", label %"t25.2.done"
t25.2.body:
  br label %"t25.3.head"
t25.2.done:
  %".1428" = add nsw i64 %"t25.i1", 1
  br label %"t25.1.head"
t25.3.head:
  %"t25.i3" = phi  i64 [0, %"t25.2.body"], [%".1424", %"t25.4.done"]
  %".1332" = icmp slt i64 %"t25.i3", 2
  br i1 %".1332", label %"t25.3.body", label %"t25.3.done"
t25.3.body:
  br label %"t25.4.head"
t25.3.done:
  %".1426" = add nsw i64 %"t25.i2", 1
  br label %"t25.2.head"
t25.4.head:
  %"t25.i4" = phi  i64 [0, %"t25.3.body"], [%".1422", %"t25.5.done"]
  %".1335" = icmp slt i64 %"t25.i4", 2
  br i1 %".1335", label %"t25.4.body", label %"t25.4.done"
t25.4.body:
  br label %"t25.5.head"
t25.4.done:
  %".1424" = add nsw i64 %"t25.i3", 1
  br label %"t25.3.head"
t25.5.head:
  %"t25.i5" = phi  i64 [0, %"t25.4.body"], [%".1420", %"t25.5.body"]
  %".1338" = icmp slt i64 %"t25.i5", 2
  br i1 %".1338", label %"t25.5.body", label %"t25.5.done"
t25.5.body:
  %".1340" = mul i64 1, 2
  %".1341" = mul i64 %".1340", 2
  %".1342" = mul i64 %".1341", 2
  %".1343" = mul i64 %".1342", 2
  %".1344" = mul i64 %".1343", 2
  %".1345" = mul i64 %".1344", %"N"
  %".1346" = mul i64 %"t25.i0", %".1344"
  %".1347" = add i64 0, %".1346"
  %".1348" = mul i64 %"t25.i1", %".1343"
  %".1349" = add i64 %".1347", %".1348"
  %".1350" = mul i64 %"t25.i2", %".1342"
  %".1351" = add i64 %".1349", %".1350"
  %".1352" = mul i64 %"t25.i3", %".1341"
  %".1353" = add i64 %".1351", %".1352"
  %".1354" = mul i64 %"t25.i4", %".1340"
  %".1355" = add i64 %".1353", %".1354"
  %".1356" = mul i64 %"t25.i5", 1
  %".1357" = add i64 %".1355", %".1356"
  %".1358" = mul i64 1, 1
  %".1359" = mul i64 %".1358", 1
  %".1360" = mul i64 %".1359", 2
  %".1361" = mul i64 %".1360", 2
  %".1362" = mul i64 %".1361", 2
  %".1363" = mul i64 %".1362", %"N"
  %".1364" = mul i64 %"t25.i0", %".1362"
  %".1365" = add i64 0, %".1364"
  %".1366" = mul i64 %"t25.i1", %".1361"
  %".1367" = add i64 %".1365", %".1366"
  %".1368" = mul i64 %"t25.i2", %".1360"
  %".1369" = add i64 %".1367", %".1368"
  %".1370" = mul i64 %"t25.i3", %".1359"
  %".1371" = add i64 %".1369", %".1370"
  %".1372" = getelementptr inbounds double, ptr %"buf_t21", i64 %".1371"
  %".1373" = load double, ptr %".1372"
  %".1374" = mul i64 1, 2
  %".1375" = mul i64 %".1374", 2
  %".1376" = mul i64 %".1375", 2
  %".1377" = mul i64 %".1376", 2
  %".1378" = mul i64 %".1377", 2
  %".1379" = mul i64 %".1378", %"N"
  %".1380" = mul i64 %"t25.i0", %".1378"
  %".1381" = add i64 0, %".1380"
  %".1382" = mul i64 %"t25.i1", %".1377"
  %".1383" = add i64 %".1381", %".1382"
  %".1384" = mul i64 %"t25.i2", %".1376"
  %".1385" = add i64 %".1383", %".1384"
  %".1386" = mul i64 %"t25.i3", %".1375"
  %".1387" = add i64 %".1385", %".1386"
  %".1388" = mul i64 %"t25.i4", %".1374"
  %".1389" = add i64 %".1387", %".1388"
  %".1390" = mul i64 %"t25.i5", 1
  %".1391" = add i64 %".1389", %".1390"
  %".1392" = getelementptr inbounds double, ptr %"buf_t22", i64 %".1391"
  %".1393" = load double, ptr %".1392"
  %".1394" = fdiv double 0x3ff0000000000000, %".1393"
  %".1395" = fmul double %".1373", %".1394"
  %".1396" = mul i64 1, 2
  %".1397" = mul i64 %".1396", 2
  %".1398" = mul i64 %".1397", 2
  %".1399" = mul i64 %".1398", 2
  %".1400" = mul i64 %".1399", 2
  %".1401" = mul i64 %".1400", %"N"
  %".1402" = mul i64 %"t25.i0", %".1400"
  %".1403" = add i64 0, %".1402"
  %".1404" = mul i64 %"t25.i1", %".1399"
  %".1405" = add i64 %".1403", %".1404"
  %".1406" = mul i64 %"t25.i2", %".1398"
  %".1407" = add i64 %".1405", %".1406"
  %".1408" = mul i64 %"t25.i3", %".1397"
  %".1409" = add i64 %".1407", %".1408"
  %".1410" = mul i64 %"t25.i4", %".1396"
  %".1411" = add i64 %".1409", %".1410"
  %".1412" = mul i64 %"t25.i5", 1
  %".1413" = add i64 %".1411", %".1412"
  %".1414" = getelementptr inbounds double, ptr %"buf_t18", i64 %".1413"
  %".1415" = load double, ptr %".1414"
  %".1416" = fcmp une double %".1415",              0x0
  %".1417" = select  i1 %".1416", double %".1395", double              0x0
  %".1418" = getelementptr inbounds double, ptr %"buf_t25", i64 %".1357"
  store double %".1417", ptr %".1418"
  %".1420" = add nsw i64 %"t25.i5", 1
  br label %"t25.5.head"
t25.5.done:
  %".1422" = add nsw i64 %"t25.i4", 1
  br label %"t25.4.head"
t26.zero.0.head:
  %"t26.zero.i0" = phi  i64 [0, %"t25.0.done"], [%".1464", %"t26.zero.1.done"]
  %".1433" = icmp slt i64 %"t26.zero.i0", %"N"
  br i1 %".1433", label %"t26.zero.0.body", label %"t26.zero.0.done"
t26.zero.0.body:
  br label %"t26.zero.1.head"
t26.zero.0.done:
  br label %"t26.0.head"
t26.zero.1.head:
  %"t26.zero.i1" = phi  i64 [0, %"t26.zero.0.body"], [%".1462", %"t26.zero.2.done"]
  %".1436" = icmp slt i64 %"t26.zero.i1", 2
  br i1 %".1436", label %"t26.zero.1.body", label %"t26.zero.1.done"
t26.zero.1.body:
  br label %"t26.zero.2.head"
t26.zero.1.done:
  %".1464" = add nsw i64 %"t26.zero.i0", 1
  br label %"t26.zero.0.head"
t26.zero.2.head:
  %"t26.zero.i2" = phi  i64 [0, %"t26.zero.1.body"], [%".1460", %"t26.zero.3.done"]
  %".1439" = icmp slt i64 %"t26.zero.i2", 4
  br i1 %".1439", label %"t26.zero.2.body", label %"t26.zero.2.done"
t26.zero.2.body:
  br label %"t26.zero.3.head"
t26.zero.2.done:
  %".1462" = add nsw i64 %"t26.zero.i1", 1
  br label %"t26.zero.1.head"
t26.zero.3.head:
  %"t26.zero.i3" = phi  i64 [0, %"t26.zero.2.body"], [%".1458", %"t26.zero.3.body"]
  %".1442" = icmp slt i64 %"t26.zero.i3", 4
  br i1 %".1442", label %"t26.zero.3.body", label %"t26.zero.3.done"
t26.zero.3.body:
  %".1444" = mul i64 1, 4
  %".1445" = mul i64 %".1444", 4
  %".1446" = mul i64 %".1445", 2
  %".1447" = mul i64 %".1446", %"N"
  %".1448" = mul i64 %"t26.zero.i0", %".1446"
  %".1449" = add i64 0, %".1448"
  %".1450" = mul i64 %"t26.zero.i1", %".1445"
  %".1451" = add i64 %".1449", %".1450"
  %".1452" = mul i64 %"t26.zero.i2", %".1444"
  %".1453" = add i64 %".1451", %".1452"
  %".1454" = mul i64 %"t26.zero.i3", 1
  %".1455" = add i64 %".1453", %".1454"
  %".1456" = getelementptr inbounds double, ptr %"buf_t26", i64 %".1455"
  store double              0x0, ptr %".1456"
  %".1458" = add nsw i64 %"t26.zero.i3", 1
  br label %"t26.zero.3.head"
t26.zero.3.done:
  %".1460" = add nsw i64 %"t26.zero.i2", 1
  br label %"t26.zero.2.head"
t26.0.head:
  %"t26.i0" = phi  i64 [0, %"t26.zero.0.done"], [%".1534", %"t26.1.done"]
  %".1467" = icmp slt i64 %"t26.i0", %"N"
  br i1 %".1467", label %"t26.0.body", label %"t26.0.done"
t26.0.body:
  br label %"t26.1.head"
t26.0.done:
  br label %"t30.0.head"
t26.1.head:
  %"t26.i1" = phi  i64 [0, %"t26.0.body"], [%".1532", %"t26.2.done"]
  %".1470" = icmp slt i64 %"t26.i1", 2
  br i1 %".1470", label %"t26.1.body", label %"t26.1.done"
t26.1.body:
  br label %"t26.2.head"
t26.1.done:
  %".1534" = add nsw i64 %"t26.i0", 1
  br label %"t26.0.head"
t26.2.head:
  %"t26.i2" = phi  i64 [0, %"t26.1.body"], [%".1530", %"t26.3.done"]
  %".1473" = icmp slt i64 %"t26.i2", 2
  br i1 %".1473", label %"t26.2.body", label %"t26.2.done"
t26.2.body:
  br label %"t26.3.head"
t26.2.done:
  %".1532" = add nsw i64 %"t26.i1", 1
  br label %"t26.1.head"
t26.3.head:
  %"t26.i3" = phi  i64 [0, %"t26.2.body"], [%".1528", %"t26.4.done"]
  %".1476" = icmp slt i64 %"t26.i3", 2
  br i1 %".1476", label %"t26.3.body", label %"t26.3.done"
t26.3.body:
  br label %"t26.4.head"
t26.3.done:
  %".1530" = add nsw i64 %"t26.i2", 1
  br label %"t26.2.head"
t26.4.head:
  %"t26.i4" = phi  i64 [0, %"t26.3.body"], [%".1526", %"t26.5.done"]
  %".1479" = icmp slt i64 %"t26.i4", 2
  br i1 %".1479", label %"t26.4.body", label %"t26.4.done"
t26.4.body:
  br label %"t26.5.head"
t26.4.done:
  %".1528" = add nsw i64 %"t26.i3", 1
  br label %"t26.3.head"
t26.5.head:
  %"t26.i5" = phi  i64 [0, %"t26.4.body"], [%".1524", %"t26.5.body"]
  %".1482" = icmp slt i64 %"t26.i5", 2
  br i1 %".1482", label %"t26.5.body", label %"t26.5.done"
t26.5.body:
  %".1484" = mul i64 %"t26.i2", 2
  %".1485" = add i64 %".1484", %"t26.i4"
  %".1486" = mul i64 %"t26.i3", 2
  %".1487" = add i64 %".1486", %"t26.i5"
  %".1488" = mul i64 1, 4
  %".1489" = mul i64 %".1488", 4
  %".1490" = mul i64 %".1489", 2
  %".1491" = mul i64 %".1490", %"N"
  %".1492" = mul i64 %"t26.i0", %".1490"
  %".1493" = add i64 0, %".1492"
  %".1494" = mul i64 %"t26.i1", %".1489"
  %".1495" = add i64 %".1493", %".1494"
  %".1496" = mul i64 %".1485", %".1488"
  %".1497" = add i64 %".1495", %".1496"
  %".1498" = mul i64 %".1487", 1
  %".1499" = add i64 %".1497", %".1498"
  %".1500" = getelementptr inbounds double, ptr %"buf_t26", i64 %".1499"
  %".1501" = load double, ptr %".1500"
  %".1502" = mul i64 1, 2
  %".1503" = mul i64 %".1502", 2
  %".1504" = mul i64 %".1503", 2
  %".1505" = mul i64 %".1504", 2
  %".1506" = mul i64 %".1505", 2
  %".1507" = mul i64 %".1506", %"N"
  %".1508" = mul i64 %"t26.i0", %".1506"
  %".1509" = add i64 0, %".1508"
  %".1510" = mul i64 %"t26.i1", %".1505"
  %".1511" = add i64 %".1509", %".1510"
  %".1512" = mul i64 %"t26.i2", %".1504"
  %".1513" = add i64 %".1511", %".1512"
  %".1514" = mul i64 %"t26.i3", %".1503"
  %".1515" = add i64 %".1513", %".1514"
  %".1516" = mul i64 %"t26.i4", %".1502"
  %".1517" = add i64 %".1515", %".1516"
  %".1518" = mul i64 %"t26.i5", 1
  %".1519" = add i64 %".1517", %".1518"
  %".1520" = getelementptr inbounds double, ptr %"buf_t25", i64 %".1519"
  %".1521" = load double, ptr %".1520"
  %".1522" = fadd double %".1501", %".1521"
  store double %".1522", ptr %".1500"
  %".1524" = add nsw i64 %"t26.i5", 1
  br label %"t26.5.head"
t26.5.done:
  %".1526" = add nsw i64 %"t26.i4", 1
  br label %"t26.4.head"
t30.0.head:
  %"t30.i0" = phi  i64 [0, %"t26.0.done"], [%".1614", %"t30.1.done"]
  %".1537" = icmp slt i64 %"t30.i0", %"N"
  br i1 %".1537", label %"t30.0.body", label %"t30.0.done"
t30.0.body:
  br label %"t30.1.head"
t30.0.done:
  br label %"t31.0.head"
t30.1.head:
  %"t30.i1" = phi  i64 [0, %"t30.0.body"], [%".1612", %"t30.2.done"]
  %".1540" = icmp slt i64 %"t30.i1", 2
  br i1 %".1540", label %"t30.1.body", label %"t30.1.done"
t30.1.body:
  br label %"t30.2.head"
t30.1.done:
  %".1614" = add nsw i64 %"t30.i0", 1
  br label %"t30.0.head"
t30.2.head:
  %"t30.i2" = phi  i64 [0, %"t30.1.body"], [%".1610", %"t30.3.done"]
  %".1543" = icmp slt i64 %"t30.i2", 4
  br i1 %".1543", label %"t30.2.body", label %"t30.2.done"
t30.2.body:
  br label %"t30.3.head"
t30.2.done:
  %".1612" = add nsw i64 %"t30.i1", 1
  br label %"t30.1.head"
t30.3.head:
  %"t30.i3" = phi  i64 [0, %"t30.2.body"], [%".1608", %"t30.3.body"]
  %".1546" = icmp slt i64 %"t30.i3", 4
  br i1 %".1546", label %"t30.3.body", label %"t30.3.done"
t30.3.body:
  %".1548" = mul i64 1, 4
  %".1549" = mul i64 %".1548", 4
  %".1550" = mul i64 %".1549", 2
  %".1551" = mul i64 %".1550", %"N"
  %".1552" = mul i64 %"t30.i0", %".1550"
  %".1553" = add i64 0, %".1552"
  %".1554" = mul i64 %"t30.i1", %".1549"
  %".1555" = add i64 %".1553", %".1554"
  %".1556" = mul i64 %"t30.i2", %".1548"
  %".1557" = add i64 %".1555", %".1556"
  %".1558" = mul i64 %"t30.i3", 1
  %".1559" = add i64 %".1557", %".1558"
  %".1560" = mul i64 1, 4
  %".1561" = mul i64 %".1560", 4
  %".1562" = mul i64 %".1561", 2
  %".1563" = mul i64 %".1562", %"N"
  %".1564" = mul i64 %"t30.i0", %".1562"
  %".1565" = add i64 0, %".1564"
  %".1566" = mul i64 %"t30.i1", %".1561"
  %".1567" = add i64 %".1565", %".1566"
  %".1568" = mul i64 %"t30.i2", %".1560"
  %".1569" = add i64 %".1567", %".1568"
  %".1570" = mul i64 %"t30.i3", 1
  %".1571" = add i64 %".1569", %".1570"
  %".1572" = getelementptr inbounds double, ptr %"buf_t26", i64 %".1571"
  %".1573" = load double, ptr %".1572"
  %".1574" = mul i64 1, 4
  %".1575" = mul i64 %".1574", 4
  %".1576" = mul i64 %".1575", 2
  %".1577" = mul i64 %".1576", %"N"
  %".1578" = mul i64 %"t30.i0", %".1576"
  %".1579" = add i64 0, %".1578"
  %".1580" = mul i64 %"t30.i1", %".1575"
  %".1581" = add i64 %".1579", %".1580"
  %".1582" = mul i64 %"t30.i2", %".1574"
  %".1583" = add i64 %".1581", %".1582"
  %".1584" = mul i64 %"t30.i3", 1
  %".1585" = add i64 %".1583", %".1584"
  %".1586" = getelementptr inbounds double, ptr %"buf_t10", i64 %".1585"
  %".1587" = load double, ptr %".1586"
  %".1588" = mul i64 1, 4
  %".1589" = mul i64 %".1588", 4
  %".1590" = mul i64 %".1589", 2
  %".1591" = mul i64 %".1590", %"N"
  %".1592" = mul i64 %"t30.i0", %".1590"
  %".1593" = add i64 0, %".1592"
  %".1594" = mul i64 %"t30.i1", %".1589"
  %".1595" = add i64 %".1593", %".1594"
  %".1596" = mul i64 %"t30.i2", %".1588"
  %".1597" = add i64 %".1595", %".1596"
  %".1598" = mul i64 %"t30.i3", 1
  %".1599" = add i64 %".1597", %".1598"
  %".1600" = getelementptr inbounds double, ptr %"buf_t10", i64 %".1599"
  %".1601" = load double, ptr %".1600"
  %".1602" = fmul double %".1587", %".1601"
  %".1603" = fneg double %".1602"
  %".1604" = fadd double 0x3ff0000000000000, %".1603"
  %".1605" = fmul double %".1573", %".1604"
  %".1606" = getelementptr inbounds double, ptr %"buf_t30", i64 %".1559"
  store double %".1605", ptr %".1606"
  %".1608" = add nsw i64 %"t30.i3", 1
  br label %"t30.3.head"
t30.3.done:
  %".1610" = add nsw i64 %"t30.i2", 1
  br label %"t30.2.head"
t31.0.head:
  %"t31.i0" = phi  i64 [0, %"t30.0.done"], [%".1664", %"t31.1.done"]
  %".1617" = icmp slt i64 %"t31.i0", 2
  br i1 %".1617", label %"t31.0.body", label %"t31.0.done"
t31.0.body:
  br label %"t31.1.head"
t31.0.done:
  br label %"t32.0.head"
t31.1.head:
  %"t31.i1" = phi  i64 [0, %"t31.0.body"], [%".1662", %"t31.2.done"]
  %".1620" = icmp slt i64 %"t31.i1", 4
  br i1 %".1620", label %"t31.1.body", label %"t31.1.done"
t31.1.body:
  br label %"t31.2.head"
t31.1.done:
  %".1664" = add nsw i64 %"t31.i0", 1
  br label %"t31.0.head"
t31.2.head:
  %"t31.i2" = phi  i64 [0, %"t31.1.body"], [%".1660", %"t31.r.0.done"]
  %".1623" = icmp slt i64 %"t31.i2", 4
  br i1 %".1623", label %"t31.2.body", label %"t31.2.done"
t31.2.body:
  store double              0x0, double* %"acc.t31"
  br label %"t31.r.0.head"
t31.2.done:
  %".1662" = add nsw i64 %"t31.i1", 1
  br label %"t31.1.head"
t31.r.0.head:
  %"t31.r.i0" = phi  i64 [0, %"t31.2.body"], [%".1646", %"t31.r.0.body"]
  %".1627" = icmp slt i64 %"t31.r.i0", %"N"
  br i1 %".1627", label %"t31.r.0.body", label %"t31.r.0.done"
t31.r.0.body:
  %".1629" = mul i64 1, 4
  %".1630" = mul i64 %".1629", 4
  %".1631" = mul i64 %".1630", 2
  %".1632" = mul i64 %".1631", %"N"
  %".1633" = mul i64 %"t31.r.i0", %".1631"
  %".1634" = add i64 0, %".1633"
  %".1635" = mul i64 %"t31.i0", %".1630"
  %".1636" = add i64 %".1634", %".1635"
  %".1637" = mul i64 %"t31.i1", %".1629"
  %".1638" = add i64 %".1636", %".1637"
  %".1639" = mul i64 %"t31.i2", 1
  %".1640" = add i64 %".1638", %".1639"
  %".1641" = getelementptr inbounds double, ptr %"buf_t30", i64 %".1640"
  %".1642" = load double, ptr %".1641"
  %".1643" = load double, double* %"acc.t31"
  %".1644" = fadd double %".1643", %".1642"
  store double %".1644", double* %"acc.t31"
  %".1646" = add nsw i64 %"t31.r.i0", 1
  br label %"t31.r.0.head"
t31.r.0.done:
  %".1648" = mul i64 1, 4
  %".1649" = mul i64 %".1648", 4
  %".1650" = mul i64 %".1649", 2
  %".1651" = mul i64 %"t31.i0", %".1649"
  %".1652" = add i64 0, %".1651"
  %".1653" = mul i64 %"t31.i1", %".1648"
  %".1654" = add i64 %".1652", %".1653"
  %".1655" = mul i64 %"t31.i2", 1
  %".1656" = add i64 %".1654", %".1655"
  %".1657" = load double, double* %"acc.t31"
  %".1658" = getelementptr inbounds double, ptr %"buf_t31", i64 %".1656"
  store double %".1657", ptr %".1658"
  %".1660" = add nsw i64 %"t31.i2", 1
  br label %"t31.2.head"
t32.0.head:
  %"t32.i0" = phi  i64 [0, %"t31.0.done"], [%".1716", %"t32.1.done"]
  %".1667" = icmp slt i64 %"t32.i0", 2
  br i1 %".1667", label %"t32.0.body", label %"t32.0.done"
t32.0.body:
  br label %"t32.1.head"
t32.0.done:
  br label %"t33.0.head"
t32.1.head:
  %"t32.i1" = phi  i64 [0, %"t32.0.body"], [%".1714", %"t32.2.done"]
  %".1670" = icmp slt i64 %"t32.i1", 1
  br i1 %".1670", label %"t32.1.body", label %"t32.1.done"
t32.1.body:
  br label %"t32.2.head"
t32.1.done:
  %".1716" = add nsw i64 %"t32.i0", 1
  br label %"t32.0.head"
t32.2.head:
  %"t32.i2" = phi  i64 [0, %"t32.1.body"], [%".1712", %"t32.r.0.done"]
  %".1673" = icmp slt i64 %"t32.i2", 1
  br i1 %".1673", label %"t32.2.body", label %"t32.2.done"
t32.2.body:
  store double              0x0, double* %"acc.t32"
  br label %"t32.r.0.head"
t32.2.done:
  %".1714" = add nsw i64 %"t32.i1", 1
  br label %"t32.1.head"
t32.r.0.head:
  %"t32.r.i0" = phi  i64 [0, %"t32.2.body"], [%".1698", %"t32.r.1.done"]
  %".1677" = icmp slt i64 %"t32.r.i0", 4
  br i1 %".1677", label %"t32.r.0.body", label %"t32.r.0.done"
t32.r.0.body:
  br label %"t32.r.1.head"
t32.r.0.done:
  %".1700" = mul i64 1, 1
  %".1701" = mul i64 %".1700", 1
  %".1702" = mul i64 %".1701", 2
  %".1703" = mul i64 %"t32.i0", %".1701"
  %".1704" = add i64 0, %".1703"
  %".1705" = mul i64 %"t32.i1", %".1700"
  %".1706" = add i64 %".1704", %".1705"
  %".1707" = mul i64 %"t32.i2", 1
  %".1708" = add i64 %".1706", %".1707"
  %".1709" = load double, double* %"acc.t32"
  %".1710" = getelementptr inbounds double, ptr %"buf_t32", i64 %".1708"
  store double %".1709", ptr %".1710"
  %".1712" = add nsw i64 %"t32.i2", 1
  br label %"t32.2.head"
t32.r.1.head:
  %"t32.r.i1" = phi  i64 [0, %"t32.r.0.body"], [%".1696", %"t32.r.1.body"]
  %".1680" = icmp slt i64 %"t32.r.i1", 4
  br i1 %".1680", label %"t32.r.1.body", label %"t32.r.1.done"
t32.r.1.body:
  %".1682" = mul i64 1, 4
  %".1683" = mul i64 %".1682", 4
  %".1684" = mul i64 %".1683", 2
  %".1685" = mul i64 %"t32.i0", %".1683"
  %".1686" = add i64 0, %".1685"
  %".1687" = mul i64 %"t32.r.i0", %".1682"
  %".1688" = add i64 %".1686", %".1687"
  %".1689" = mul i64 %"t32.r.i1", 1
  %".1690" = add i64 %".1688", %".1689"
  %".1691" = getelementptr inbounds double, ptr %"buf_t31", i64 %".1690"
  %".1692" = load double, ptr %".1691"
  %".1693" = load double, double* %"acc.t32"
  %".1694" = fadd double %".1693", %".1692"
  store double %".1694", double* %"acc.t32"
  %".1696" = add nsw i64 %"t32.r.i1", 1
  br label %"t32.r.1.head"
t32.r.1.done:
  %".1698" = add nsw i64 %"t32.r.i0", 1
  br label %"t32.r.0.head"
t33.0.head:
  %"t33.i0" = phi  i64 [0, %"t32.0.done"], [%".1764", %"t33.1.done"]
  %".1719" = icmp slt i64 %"t33.i0", %"N"
  br i1 %".1719", label %"t33.0.body", label %"t33.0.done"
t33.0.body:
  br label %"t33.1.head"
t33.0.done:
  %".1766" = mul i64 16, %"N"
  br label %"t34.0.head"
t33.1.head:
  %"t33.i1" = phi  i64 [0, %"t33.0.body"], [%".1762", %"t33.2.done"]
  %".1722" = icmp slt i64 %"t33.i1", 4
  br i1 %".1722", label %"t33.1.body", label %"t33.1.done"
t33.1.body:
  br label %"t33.2.head"
t33.1.done:
  %".1764" = add nsw i64 %"t33.i0", 1
  br label %"t33.0.head"
t33.2.head:
  %"t33.i2" = phi  i64 [0, %"t33.1.body"], [%".1760", %"t33.3.done"]
  %".1725" = icmp slt i64 %"t33.i2", 4
  br i1 %".1725", label %"t33.2.body", label %"t33.2.done"
t33.2.body:
  br label %"t33.3.head"
t33.2.done:
  %".1762" = add nsw i64 %"t33.i1", 1
  br label %"t33.1.head"
t33.3.head:
  %"t33.i3" = phi  i64 [0, %"t33.2.body"], [%".1758", %"t33.3.body"]
  %".1728" = icmp slt i64 %"t33.i3", 2
  br i1 %".1728", label %"t33.3.body", label %"t33.3.done"
t33.3.body:
  %".1730" = mul i64 1, 2
  %".1731" = mul i64 %".1730", 4
  %".1732" = mul i64 %".1731", 4
  %".1733" = mul i64 %".1732", %"N"
  %".1734" = mul i64 %"t33.i0", %".1732"
  %".1735" = add i64 0, %".1734"
  %".1736" = mul i64 %"t33.i1", %".1731"
  %".1737" = add i64 %".1735", %".1736"
  %".1738" = mul i64 %"t33.i2", %".1730"
  %".1739" = add i64 %".1737", %".1738"
  %".1740" = mul i64 %"t33.i3", 1
  %".1741" = add i64 %".1739", %".1740"
  %".1742" = mul i64 1, 4
  %".1743" = mul i64 %".1742", 4
  %".1744" = mul i64 %".1743", 2
  %".1745" = mul i64 %".1744", %"N"
  %".1746" = mul i64 %"t33.i0", %".1744"
  %".1747" = add i64 0, %".1746"
  %".1748" = mul i64 %"t33.i3", %".1743"
  %".1749" = add i64 %".1747", %".1748"
  %".1750" = mul i64 %"t33.i1", %".1742"
  %".1751" = add i64 %".1749", %".1750"
  %".1752" = mul i64 %"t33.i2", 1
  %".1753" = add i64 %".1751", %".1752"
  %".1754" = getelementptr inbounds double, ptr %"buf_t30", i64 %".1753"
  %".1755" = load double, ptr %".1754"
  %".1756" = getelementptr inbounds double, ptr %"buf_t33", i64 %".1741"
  store double %".1755", ptr %".1756"
  %".1758" = add nsw i64 %"t33.i3", 1
  br label %"t33.3.head"
t33.3.done:
  %".1760" = add nsw i64 %"t33.i2", 1
  br label %"t33.2.head"
t34.0.head:
  %"t34.i0" = phi  i64 [0, %"t33.0.done"], [%".1793", %"t34.1.done"]
  %".1768" = icmp slt i64 %"t34.i0", %".1766"
  br i1 %".1768", label %"t34.0.body", label %"t34.0.done"
t34.0.body:
  br label %"t34.1.head"
t34.0.done:
  br label %"t35.0.head"
t34.1.head:
  %"t34.i1" = phi  i64 [0, %"t34.0.body"], [%".1791", %"t34.1.body"]
  %".1771" = icmp slt i64 %"t34.i1", 2
  br i1 %".1771", label %"t34.1.body", label %"t34.1.done"
t34.1.body:
  %".1773" = mul i64 1, 2
  %".1774" = mul i64 16, %"N"
  %".1775" = mul i64 %".1773", %".1774"
  %".1776" = mul i64 %"t34.i0", %".1773"
  %".1777" = add i64 0, %".1776"
  %".1778" = mul i64 %"t34.i1", 1
  %".1779" = add i64 %".1777", %".1778"
  %".1780" = mul i64 1, 2
  %".1781" = mul i64 16, %"N"
  %".1782" = mul i64 %".1780", %".1781"
  %".1783" = mul i64 %"t34.i0", %".1780"
  %".1784" = add i64 0, %".1783"
  %".1785" = mul i64 %"t34.i1", 1
  %".1786" = add i64 %".1784", %".1785"
  %".1787" = getelementptr inbounds double, ptr %"buf_t33", i64 %".1786"
  %".1788" = load double, ptr %".1787"
  %".1789" = getelementptr inbounds double, ptr %"buf_t34", i64 %".1779"
  store double %".1788", ptr %".1789"
  %".1791" = add nsw i64 %"t34.i1", 1
  br label %"t34.1.head"
t34.1.done:
  %".1793" = add nsw i64 %"t34.i0", 1
  br label %"t34.0.head"
t35.0.head:
  %"t35.i0" = phi  i64 [0, %"t34.0.done"], [%".1822", %"t35.1.done"]
  %".1796" = icmp slt i64 %"t35.i0", 9
  br i1 %".1796", label %"t35.0.body", label %"t35.0.done"
t35.0.body:
  %".1798" = mul i64 16, %"N"
  br label %"t35.1.head"
t35.0.done:
  store i8 78, i8* %"transa.1"
  store i8 78, i8* %"transb.1"
  store double 0x3ff0000000000000, double* %"alpha.1"
  store double              0x0, double* %"beta.1"
  %".1828" = trunc i64 2 to i32
  store i32 %".1828", i32* %"m.1"
  %".1830" = trunc i64 9 to i32
  store i32 %".1830", i32* %"n.1"
  %".1832" = mul i64 16, %"N"
  %".1833" = trunc i64 %".1832" to i32
  store i32 %".1833", i32* %"k.1"
  %".1835" = icmp slt i64 2, 1
  %".1836" = select  i1 %".1835", i64 1, i64 2
  %".1837" = trunc i64 %".1836" to i32
  store i32 %".1837", i32* %"lda.1"
  %".1839" = mul i64 16, %"N"
  %".1840" = icmp slt i64 %".1839", 1
  %".1841" = select  i1 %".1840", i64 1, i64 %".1839"
  %".1842" = trunc i64 %".1841" to i32
  store i32 %".1842", i32* %"ldb.1"
  %".1844" = icmp slt i64 2, 1
  %".1845" = select  i1 %".1844", i64 1, i64 2
  %".1846" = trunc i64 %".1845" to i32
  store i32 %".1846", i32* %"ldc.1"
  call void %"gemm"(i8* %"transa.1", i8* %"transb.1", i32* %"m.1", i32* %"n.1", i32* %"k.1", double* %"alpha.1", ptr %"buf_t34", i32* %"lda.1", ptr %"buf_t35", i32* %"ldb.1", double* %"beta.1", ptr %"buf_t36", i32* %"ldc.1")
  br label %"t37.0.head"
t35.1.head:
  %"t35.i1" = phi  i64 [0, %"t35.0.body"], [%".1820", %"t35.1.body"]
  %".1800" = icmp slt i64 %"t35.i1", %".1798"
  br i1 %".1800", label %"t35.1.body", label %"t35.1.done"
t35.1.body:
  %".1802" = mul i64 16, %"N"
  %".1803" = mul i64 1, %".1802"
  %".1804" = mul i64 %".1803", 9
  %".1805" = mul i64 %"t35.i0", %".1803"
  %".1806" = add i64 0, %".1805"
  %".1807" = mul i64 %"t35.i1", 1
  %".1808" = add i64 %".1806", %".1807"
  %".1809" = mul i64 1, 9
  %".1810" = mul i64 16, %"N"
  %".1811" = mul i64 %".1809", %".1810"
  %".1812" = mul i64 %"t35.i1", %".1809"
  %".1813" = add i64 0, %".1812"
  %".1814" = mul i64 %"t35.i0", 1
  %".1815" = add i64 %".1813", %".1814"
  %".1816" = getelementptr inbounds double, ptr %"buf_t3", i64 %".1815"
  %".1817" = load double, ptr %".1816"
  %".1818" = getelementptr inbounds double, ptr %"buf_t35", i64 %".1808"
  store double %".1817", ptr %".1818"
  %".1820" = add nsw i64 %"t35.i1", 1
  br label %"t35.1.head"
t35.1.done:
  %".1822" = add nsw i64 %"t35.i0", 1
  br label %"t35.0.head"
t37.0.head:
  %"t37.i0" = phi  i64 [0, %"t35.0.done"], [%".1873", %"t37.1.done"]
  %".1850" = icmp slt i64 %"t37.i0", 2
  br i1 %".1850", label %"t37.0.body", label %"t37.0.done"
t37.0.body:
  br label %"t37.1.head"
t37.0.done:
  br label %"t38.0.head"
t37.1.head:
  %"t37.i1" = phi  i64 [0, %"t37.0.body"], [%".1871", %"t37.1.body"]
  %".1853" = icmp slt i64 %"t37.i1", 9
  br i1 %".1853", label %"t37.1.body", label %"t37.1.done"
t37.1.body:
  %".1855" = mul i64 1, 9
  %".1856" = mul i64 %".1855", 2
  %".1857" = mul i64 %"t37.i0", %".1855"
  %".1858" = add i64 0, %".1857"
  %".1859" = mul i64 %"t37.i1", 1
  %".1860" = add i64 %".1858", %".1859"
  %".1861" = mul i64 1, 2
  %".1862" = mul i64 %".1861", 9
  %".1863" = mul i64 %"t37.i1", %".1861"
  %".1864" = add i64 0, %".1863"
  %".1865" = mul i64 %"t37.i0", 1
  %".1866" = add i64 %".1864", %".1865"
  %".1867" = getelementptr inbounds double, ptr %"buf_t36", i64 %".1866"
  %".1868" = load double, ptr %".1867"
  %".1869" = getelementptr inbounds double, ptr %"buf_t37", i64 %".1860"
  store double %".1868", ptr %".1869"
  %".1871" = add nsw i64 %"t37.i1", 1
  br label %"t37.1.head"
t37.1.done:
  %".1873" = add nsw i64 %"t37.i0", 1
  br label %"t37.0.head"
t38.0.head:
  %"t38.i0" = phi  i64 [0, %"t37.0.done"], [%".1921", %"t38.1.done"]
  %".1876" = icmp slt i64 %"t38.i0", 2
  br i1 %".1876", label %"t38.0.body", label %"t38.0.done"
t38.0.body:
  br label %"t38.1.head"
t38.0.done:
  ret void
t38.1.head:
  %"t38.i1" = phi  i64 [0, %"t38.0.body"], [%".1919", %"t38.2.done"]
  %".1879" = icmp slt i64 %"t38.i1", 1
  br i1 %".1879", label %"t38.1.body", label %"t38.1.done"
t38.1.body:
  br label %"t38.2.head"
t38.1.done:
  %".1921" = add nsw i64 %"t38.i0", 1
  br label %"t38.0.head"
t38.2.head:
  %"t38.i2" = phi  i64 [0, %"t38.1.body"], [%".1917", %"t38.3.done"]
  %".1882" = icmp slt i64 %"t38.i2", 3
  br i1 %".1882", label %"t38.2.body", label %"t38.2.done"
t38.2.body:
  br label %"t38.3.head"
t38.2.done:
  %".1919" = add nsw i64 %"t38.i1", 1
  br label %"t38.1.head"
t38.3.head:
  %"t38.i3" = phi  i64 [0, %"t38.2.body"], [%".1915", %"t38.3.body"]
  %".1885" = icmp slt i64 %"t38.i3", 3
  br i1 %".1885", label %"t38.3.body", label %"t38.3.done"
t38.3.body:
  %".1887" = mul i64 1, 3
  %".1888" = mul i64 %".1887", 3
  %".1889" = mul i64 %".1888", 1
  %".1890" = mul i64 %".1889", 2
  %".1891" = mul i64 %"t38.i0", %".1889"
  %".1892" = add i64 0, %".1891"
  %".1893" = mul i64 %"t38.i1", %".1888"
  %".1894" = add i64 %".1892", %".1893"
  %".1895" = mul i64 %"t38.i2", %".1887"
  %".1896" = add i64 %".1894", %".1895"
  %".1897" = mul i64 %"t38.i3", 1
  %".1898" = add i64 %".1896", %".1897"
  %".1899" = mul i64 1, 3
  %".1900" = mul i64 %".1899", 3
  %".1901" = mul i64 %".1900", 1
  %".1902" = mul i64 %".1901", 2
  %".1903" = mul i64 %"t38.i0", %".1901"
  %".1904" = add i64 0, %".1903"
  %".1905" = mul i64 %"t38.i1", %".1900"
  %".1906" = add i64 %".1904", %".1905"
  %".1907" = mul i64 %"t38.i2", %".1899"
  %".1908" = add i64 %".1906", %".1907"
  %".1909" = mul i64 %"t38.i3", 1
  %".1910" = add i64 %".1908", %".1909"
  %".1911" = getelementptr inbounds double, ptr %"buf_t37", i64 %".1910"
  %".1912" = load double, ptr %".1911"
  %".1913" = getelementptr inbounds double, ptr %"buf_t38", i64 %".1898"
  store double %".1912", ptr %".1913"
  %".1915" = add nsw i64 %"t38.i3", 1
  br label %"t38.3.head"
t38.3.done:
  %".1917" = add nsw i64 %"t38.i2", 1
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
